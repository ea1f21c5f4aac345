/* kg corrections: fix the graph where you see it. On a selected node, "not an entity", "rename"
 * and "change type"; on two or more (Ctrl/⌘-click adds to the selection), "merge"; on a mention
 * in the mentions panel, "not this entity". The pending corrections are listed with undo, and
 * "Save" downloads one kg-corrections.toml (docs/how-to/corrections.md) with the corrections the
 * build already read, for `kg build --corrections` or the vault's root.
 * Every name a user types or picks reaches the page through textContent or a form value, and the
 * file through TOML's escapes, so no name can run or break the file. */
(() => {
  "use strict";

  const kg = window.kg;
  if (!kg) return;
  const { DATA, network, nodeInfo, rules, el } = kg;
  const TYPES = ["Country", "Region", "Organization", "Agreement", "Law", "Plan", "Event", "Person"];
  const FILE = "kg-corrections.toml";
  const earlier = [...(DATA.corrections || [])];  // what the build read: saved again unless removed
  const pending = [];                      // [{kind, ...fields, ids: [vis ids], row?}] in the order made
  const original = new Map([...nodeInfo].map(([id, info]) => [id, { label: info.label, short: info.short, type: info.type, colors: info.colors }]));
  let selected = [];

  network.setOptions({ interaction: { multiselect: true } });

  function button(text, title, action) {
    const b = el("button", "kg-fix-button", text);
    b.type = "button";
    if (title) b.title = title;
    b.addEventListener("click", action);
    return b;
  }

  function typeName(type) {
    const name = DATA.typeNames[type];
    return name ? `${name} (${type})` : type;
  }

  // -- the section in the left panel --------------------------------------------------------
  const section = el("section", "kg-fix");
  section.id = "kg-fix";
  section.append(el("h2", "kg-heading", "修正"));
  const target = el("div", "kg-fix-target");
  target.id = "kg-fix-target";
  const actions = el("div", "kg-fix-actions");
  actions.id = "kg-fix-actions";
  const form = el("div", "kg-fix-form");
  form.id = "kg-fix-form";
  const listHead = el("div", "kg-fix-count");
  listHead.id = "kg-fix-count";
  const list = el("ol", "kg-fix-list");
  list.id = "kg-fix-list";
  const save = button("保存", `${FILE} をダウンロード`, download);
  save.id = "kg-fix-save";
  // the corrections the build read, each with what it did; one that matched nothing can go
  const read = el("details", "kg-fix-read");
  read.id = "kg-fix-read";
  const readHead = el("summary", "kg-fix-count");
  const readList = el("ol", "kg-fix-list");
  read.append(readHead, readList);
  section.append(target, actions, form, listHead, list, read, save);
  // under the search box: where a user looks after picking a node
  document.querySelector(".kg-search").after(section);

  function entityIds(ids) {
    return ids.filter((id) => nodeInfo.get(id) && nodeInfo.get(id).kind !== "note" && !gone().has(id));
  }

  function showSelection() {
    target.replaceChildren();
    actions.replaceChildren();
    form.replaceChildren();
    if (!selected.length) {
      target.append(el("p", "kg-note", "ノードを選ぶと修正できます（Ctrl/⌘+クリックで複数選択して統合）。"));
      return;
    }
    const names = el("ul", "kg-fix-names");
    selected.forEach((id) => names.append(el("li", null, nodeInfo.get(id).label)));
    target.append(names);
    if (selected.length === 1) {
      const id = selected[0];
      actions.append(
        button("エンティティではない", "このノードはエンティティではない", () => add({ kind: "not_entity", name: nameOf(id), ids: [id] })),
        button("名前を変更…", "表示名を別名から選ぶか入力する", () => renameForm(id)),
        button("種類を変更…", "エンティティの種類を変える", () => typeForm(id)),
      );
    } else {
      actions.append(button(`${selected.length} 件を統合…`, "選んだノードを一つのエンティティにする", () => mergeForm(selected)));
    }
  }

  // A node is named in the file by the label the build gave it: one of its names, whatever the page did since.
  function nameOf(id) {
    return original.get(id).label;
  }

  function choices(values, current) {
    const select = el("select", "kg-fix-select");
    values.forEach((value) => {
      const option = el("option", null, value);
      option.value = value;
      option.selected = value === current;
      select.append(option);
    });
    return select;
  }

  function labelled(text, control) {
    const label = el("label", "kg-fix-field", text);
    label.append(control);
    return label;
  }

  function renameForm(id) {
    const info = nodeInfo.get(id);
    const names = [...new Set([info.label, ...(info.aliases || [])])];
    const pick = choices(names, info.label);
    pick.id = "kg-fix-rename-pick";
    const typed = el("input", "kg-fix-input");
    typed.id = "kg-fix-rename-input";
    typed.type = "text";
    typed.placeholder = "または新しい名前を入力";
    typed.spellcheck = false;
    const ok = button("適用", null, () => {
      const label = typed.value.trim() || pick.value;
      if (label && label !== info.label) add({ kind: "rename", name: nameOf(id), label, ids: [id] });
    });
    ok.id = "kg-fix-rename-ok";
    typed.addEventListener("keydown", (event) => { if (event.key === "Enter") ok.click(); });
    form.replaceChildren(labelled("別名から", pick), labelled("入力", typed), ok);
    typed.focus();
  }

  function typeForm(id) {
    const info = nodeInfo.get(id);
    const pick = el("select", "kg-fix-select");
    pick.id = "kg-fix-type-pick";
    TYPES.forEach((type) => {
      const option = el("option", null, typeName(type));
      option.value = type;
      option.selected = type === info.type;
      pick.append(option);
    });
    const ok = button("適用", null, () => {
      if (pick.value !== info.type) add({ kind: "type", name: nameOf(id), type: pick.value, ids: [id] });
    });
    ok.id = "kg-fix-type-ok";
    form.replaceChildren(labelled("種類", pick), ok);
  }

  function mergeForm(ids) {
    const pick = choices(ids.map((id) => nodeInfo.get(id).label), nodeInfo.get(ids[0]).label);
    pick.id = "kg-fix-merge-pick";
    const ok = button("統合", null, () => {
      const first = ids.find((id) => nodeInfo.get(id).label === pick.value) || ids[0];
      const order = [first, ...ids.filter((id) => id !== first)];
      add({ kind: "merge", names: order.map(nameOf), label: nodeInfo.get(first).label, ids: order });
    });
    ok.id = "kg-fix-merge-ok";
    form.replaceChildren(labelled("表示名", pick), ok);
  }

  // -- "not this entity" on each mention the panel lists ---------------------------------------
  const side = document.getElementById("kg-side-list");
  function markMentions() {
    const id = kg.panelNode;
    if (!side || id === null || id === undefined || !nodeInfo.get(id) || nodeInfo.get(id).kind === "note") return;
    side.querySelectorAll(".kg-mention").forEach((entry) => {
      if (entry.querySelector(".kg-fix-mention")) return;
      const sentence = entry.querySelector(".kg-mention-text")?.textContent || "";
      const fix = { kind: "not_mention", name: nameOf(id), note: entry.dataset.note, sentence, ids: [id] };
      const made = pending.find((p) => p.kind === "not_mention" && p.name === fix.name && p.note === fix.note
        && p.sentence === fix.sentence);
      entry.classList.toggle("kg-fix-struck", Boolean(made));
      const b = button("この実体ではない", "この箇所は、このエンティティの言及ではない", () => add(fix));
      b.classList.add("kg-fix-mention");
      b.disabled = Boolean(made);
      entry.querySelector(".kg-mention-place").append(b);
    });
  }
  if (side) new MutationObserver(markMentions).observe(side, { childList: true });

  // -- the pending corrections ----------------------------------------------------------------
  function describe(fix) {
    switch (fix.kind) {
      case "not_entity": return `エンティティではない: ${fix.name}`;
      case "rename": return `名前を変更: ${fix.name} → ${fix.label}`;
      case "type": return `種類を変更: ${fix.name} → ${typeName(fix.type)}`;
      case "merge": return `統合: ${fix.names.join(" + ")} → ${fix.label}`;
      case "stop": return `ストップワード: ${fix.name}`;
      case "alias": return `別名: ${[fix.name, ...(fix.aliases || [])].join(" = ")}（${typeName(fix.type)}）`;
      default: return `この実体ではない: ${fix.name}（${fix.note}: 「${fix.sentence || `${fix.line} 行目`}」）`;
    }
  }

  function add(fix) {
    pending.push(fix);
    refresh();
  }

  function undo(fix) {
    pending.splice(pending.indexOf(fix), 1);
    refresh();
  }

  // The nodes the pending corrections take away: not entities, and merged into another.
  function gone() {
    const away = new Set();
    pending.forEach((fix) => {
      if (fix.kind === "not_entity") away.add(fix.ids[0]);
      if (fix.kind === "merge") fix.ids.slice(1).forEach((id) => away.add(id));
    });
    return away;
  }

  // A retyped node takes the colour of the type's other nodes, when the page draws one.
  function typeColors(fix) {
    const info = nodeInfo.get(fix.ids[0]);
    const donor = [...original.values()].find((was) => was.type === fix.type && was.colors);
    return donor ? { ...info.colors, type: donor.colors.type } : info.colors;
  }

  // Draw the graph as the pending corrections have it, from the build's labels and types each time,
  // so undoing one is drawing without it.
  function refresh() {
    original.forEach((was, id) => Object.assign(nodeInfo.get(id), was));
    pending.forEach((fix) => {
      // labels.js draws each node's short label: a new name is drawn as it is typed
      if (fix.kind === "rename" || fix.kind === "merge") Object.assign(nodeInfo.get(fix.ids[0]), { label: fix.label, short: fix.label });
      if (fix.kind === "type") Object.assign(nodeInfo.get(fix.ids[0]), { type: fix.type, colors: typeColors(fix) });
    });
    // the tooltips were built once, from the build's labels
    nodeInfo.forEach((info, id) => {
      const title = kg.nodes.get(id)?.title?.querySelector?.(".kg-tip-title");
      if (title && info.kind !== "note" && title.textContent !== info.label) title.textContent = info.label;
    });
    // budget.js colours every node from its colors, by type or by community
    document.getElementById("kg-color-by")?.dispatchEvent(new Event("change"));
    const away = gone();
    if (away.size) rules.nodes.set("corrections", (id) => !away.has(id));
    else rules.nodes.delete("corrections");
    kg.apply();
    network.redraw();
    list.replaceChildren();
    pending.forEach((fix) => {
      const item = el("li", "kg-fix-item");
      item.append(el("span", "kg-fix-what", describe(fix)));
      const back = button("取り消す", "この修正を取り消す", () => undo(fix));
      back.classList.add("kg-fix-undo");
      item.append(back);
      list.append(item);
    });
    listHead.textContent = `保留中の修正 ${pending.length} 件`;
    readList.replaceChildren();
    earlier.forEach((fix) => {
      const item = el("li", "kg-fix-item");
      item.append(el("span", "kg-fix-what", describe(fix)));
      if (fix.matched === false) item.append(el("span", "kg-fix-unmatched", "（一致なし）"));
      const drop = button("削除", "保存するファイルから除く", () => { earlier.splice(earlier.indexOf(fix), 1); refresh(); });
      drop.classList.add("kg-fix-undo");
      item.append(drop);
      readList.append(item);
    });
    readHead.textContent = `読み込み済みの修正 ${earlier.length} 件（保存に含めます）`;
    read.hidden = !earlier.length;
    save.disabled = !pending.length && !earlier.length;
    selected = entityIds(network.getSelectedNodes());
    showSelection();
    side?.querySelectorAll(".kg-fix-mention").forEach((b) => b.remove());
    markMentions();
  }

  function onSelect() {
    selected = entityIds(network.getSelectedNodes());
    showSelection();
  }
  network.on("select", onSelect);
  network.on("deselectNode", onSelect);
  // the search selects the node it finds after telling the page so
  document.addEventListener("kg:reveal", () => setTimeout(onSelect));

  // -- the file -------------------------------------------------------------------------------
  // A TOML basic string: JSON's escapes are TOML's, but for DEL, which TOML wants escaped.
  const quoted = (text) => JSON.stringify(String(text)).replace(/\x7f/g, "\\u007f");

  function table(fix) {
    const lines = [`[[${fix.kind}]]`];
    const keys = { merge: ["names", "label"], rename: ["name", "label"], type: ["name", "type"],
      not_entity: ["name"], not_mention: ["name", "note", "sentence", "line"], alias: ["name", "type", "aliases"] }[fix.kind];
    keys.forEach((key) => {
      const value = fix[key];
      if (value === undefined || value === null || value === "" || value === 0) return;
      if (Array.isArray(value)) lines.push(`${key} = [${value.map(quoted).join(", ")}]`);
      else if (typeof value === "number") lines.push(`${key} = ${Math.trunc(value)}`);
      else lines.push(`${key} = ${quoted(value)}`);
    });
    return lines.join("\n");
  }

  function toml() {
    const all = [...earlier, ...pending];
    const stop = all.filter((fix) => fix.kind === "stop").map((fix) => fix.name);
    const head = [`# kg corrections, saved from the page "${document.title.replace(/[\x00-\x1f\x7f]/g, " ")}"`,
      "# Read by `kg build --corrections FILE`, or as kg-corrections.toml at the vault's root.", ""];
    if (stop.length) head.push(`stop = [${stop.map(quoted).join(", ")}]`, "");
    return head.join("\n") + "\n" + all.filter((fix) => fix.kind !== "stop").map(table).join("\n\n") + "\n";
  }

  function download() {
    const url = URL.createObjectURL(new Blob([toml()], { type: "application/toml" }));
    const a = el("a");
    a.href = url;
    a.download = FILE;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  kg.corrections = { pending, toml };
  refresh();
})();
