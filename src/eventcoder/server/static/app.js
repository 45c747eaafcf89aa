// The eventcoder dashboard: a page per view, drawn from the HTTP API (docs/server.md).
// Text from articles is only ever set as textContent, never parsed as HTML.
"use strict";

const QUADS = {
  1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict",
};
// The series' count columns, by QuadClass (eventcoder.analysis).
const QUAD_COLUMNS = { 1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict" };
const SVG = "http://www.w3.org/2000/svg";

// --- small helpers -------------------------------------------------------------------------

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "class") node.className = value;
    else node[key] = value;
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children.flat(Infinity)) if (child) node.append(child);
  return node;
}

function title(text) {
  const t = svg("title");
  t.textContent = text;
  return t;
}

async function api(path, params = {}, options = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined) query.set(key, value);
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = Array.isArray(body.detail)
      ? body.detail.map((d) => `${d.loc.at(-1)}: ${d.msg}`).join("; ")
      : body.detail || response.statusText;
    throw new Error(detail);
  }
  return body;
}

function showError(error) {
  const box = document.getElementById("error");
  box.textContent = error ? String(error.message || error) : "";
  box.hidden = !error;
}

function form(fields, onSubmit, label = "Show") {
  const node = el("form", { class: "filters" });
  for (const [name, text, value = "", type = "text"] of fields) {
    node.append(el("label", {}, text, el("input", { name, value, type, size: 10 })));
  }
  node.append(el("button", { type: "submit" }, label));
  node.addEventListener("submit", (event) => {
    event.preventDefault();
    onSubmit(Object.fromEntries(new FormData(node)));
  });
  return node;
}

function round(value) {
  return value === null || value === undefined ? "" : Number(value).toFixed(2);
}

function actorLabel(row, role) {
  const code = row[`${role}_code`];
  if (!code) return "";
  const name = row[`${role}_name`];
  return name ? `${code} (${name})` : code;
}

// --- event explorer ------------------------------------------------------------------------

const COLUMNS = [
  ["date", "Date", (r) => r.date], ["actor_code", "Actor", (r) => actorLabel(r, "actor")],
  ["event_type", "Type", (r) => [r.event_type, r.mode].filter(Boolean).join(" / ")],
  ["recipient_code", "Recipient", (r) => actorLabel(r, "recipient")],
  ["cameo", "CAMEO", (r) => r.cameo], ["goldstein", "Goldstein", (r) => r.goldstein],
  ["quad_class", "Quad", (r) => r.quad_class], [null, "Sentence", (r) => r.sentence],
];

async function explorer(view, initial = {}) {
  const state = { sort: "date", order: "asc", offset: 0, limit: 50, ...initial };
  const table = el("table", { class: "events" });
  const pager = el("div", { class: "pager" });
  const detail = el("section", { class: "detail", hidden: true });
  const filters = form(
    [["actor", "Actor", state.actor], ["recipient", "Recipient", state.recipient],
     ["country", "Country"], ["type", "PLOVER type"], ["cameo", "CAMEO"],
     ["quad_class", "QuadClass"], ["date_from", "From", state.date_from || "", "date"],
     ["date_to", "To", state.date_to || "", "date"], ["source", "Source"], ["q", "Words"]],
    (values) => { Object.assign(state, values, { offset: 0 }); load().catch(showError); },
    "Filter",
  );
  view.append(el("h1", {}, "Events"), filters, pager, table, detail);

  async function load() {
    table.setAttribute("aria-busy", "true");
    const page = await api("/api/events", { ...state });
    table.replaceChildren(header(), ...page.events.map(row));
    table.setAttribute("aria-busy", "false");
    pager.replaceChildren(
      el("span", { class: "total" }, `${page.total} events`),
      el("button", { disabled: state.offset === 0, onclick: () => move(-1) }, "Previous"),
      el("span", {}, ` ${state.offset + 1}-${state.offset + page.events.length} `),
      el("button", { disabled: state.offset + state.limit >= page.total, onclick: () => move(1) },
         "Next"),
    );
  }

  function move(step) {
    state.offset = Math.max(0, state.offset + step * state.limit);
    load().catch(showError);
  }

  function header() {
    return el("tr", {}, COLUMNS.map(([key, text]) => el("th", {
      class: key === state.sort ? `sorted ${state.order}` : "",
      onclick: key ? () => {
        state.order = state.sort === key && state.order === "asc" ? "desc" : "asc";
        state.sort = key;
        load().catch(showError);
      } : null,
    }, text)));
  }

  function row(event) {
    return el("tr", {
      class: `quad${event.quad_class}`, dataset: { eventId: event.event_id }, tabIndex: 0,
      onclick: () => showDetail(detail, event.event_id).catch(showError),
    }, COLUMNS.map(([, , cell]) => el("td", {}, cell(event) ?? "")));
  }

  await load();
}

async function showDetail(box, eventId) {
  const { event, document: doc, evidence, quote, explanation_text: why } = await api(
    `/api/events/${encodeURIComponent(eventId)}`,
  );
  box.hidden = false;
  const facts = [
    ["Actor", actorLabel(event, "actor")], ["Action", `${event.event_type || ""} ${event.mode || ""}`],
    ["CAMEO", `${event.cameo} (Goldstein ${event.goldstein}, ${QUADS[event.quad_class]})`],
    ["Recipient", actorLabel(event, "recipient")],
    ["Date", event.date ? `${event.date} (${event.date_text ? `from "${event.date_text}"`
      : "the article's date"}, precision ${event.date_precision || "day"})` : "undated"],
    ["Place", event.location_full_name || event.location_name || ""],
    ["Article", [doc?.title, doc?.source, doc?.url].filter(Boolean).join(" · ") || event.doc_id],
    ["Pattern", event.pattern], ["Negated", event.negated ? "yes" : "no"],
  ];
  box.replaceChildren(...[
    el("h2", {}, "Evidence"),
    el("p", { class: "sentence" }, highlighted(evidence.sentence, evidence.spans)),
    quote ? el("blockquote", {}, `“${quote.text}” — ${quote.speaker_name || quote.speaker_text || "unknown speaker"}`) : null,
    el("dl", {}, facts.filter(([, v]) => v).map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])),
    event.location_lat !== null ? miniMap(event) : null,
    el("details", {}, el("summary", {}, "Why the coder said so"), el("pre", {}, why)),
  ].filter(Boolean));
  box.scrollIntoView({ block: "nearest" });
}

function highlighted(text, spans) {
  // spans: [{role, start, end}] in text's characters; a character takes the first role on it.
  const roles = new Array(text.length).fill(null);
  for (const span of spans) {
    for (let i = span.start; i < span.end && i < text.length; i++) roles[i] ??= span.role;
  }
  const parts = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || roles[i] !== roles[start]) {
      const piece = text.slice(start, i);
      parts.push(roles[start] ? el("mark", { class: roles[start] }, piece) : piece);
      start = i;
    }
  }
  return parts;
}

// --- maps ----------------------------------------------------------------------------------

let world = null;
async function worldOutline() {
  world ??= (await api("/api/world")).rings;
  return world;
}

function project([lon, lat], width, height) {
  return [((lon + 180) / 360) * width, ((90 - lat) / 180) * height];
}

function outline(rings, width, height) {
  const d = rings.map((ring) => "M" + ring
    .map((point) => project(point, width, height).map((v) => v.toFixed(1)).join(","))
    .join("L") + "Z").join("");
  return [svg("path", { d, class: "land" })];
}

function miniMap(event) {
  const box = el("div", { class: "minimap" });
  worldOutline().then((geo) => {
    const [x, y] = project([event.location_lon, event.location_lat], 360, 180);
    box.append(svg("svg", { viewBox: "0 0 360 180", width: 360, height: 180 },
      outline(geo, 360, 180), svg("circle", { cx: x, cy: y, r: 4, class: "place" })));
  }).catch(showError);
  return box;
}

async function mapView(view) {
  const width = 1000, height = 500;
  const dots = svg("g");
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "map" });
  const detail = el("section", { class: "detail", hidden: true });
  view.append(el("h1", {}, "Where events happened"),
    form([["actor", "Actor"], ["country", "Country"], ["date_from", "From", "", "date"],
          ["date_to", "To", "", "date"]], (values) => draw(values).catch(showError)),
    chart, legend(), detail);
  chart.append(...outline(await worldOutline(), width, height), dots);

  async function draw(filters) {
    const page = await api("/api/events", { ...filters, located: true, limit: 1000 });
    dots.replaceChildren(...page.events.map((e) => {
      const [cx, cy] = project([e.location_lon, e.location_lat], width, height);
      return svg("circle", {
        cx, cy, r: 5, class: `dot quad${e.quad_class}`, "data-event-id": e.event_id,
      }, title(`${e.date || ""} ${e.actor_code} ${e.event_type} ${e.recipient_code || ""} — ${e.location_full_name || e.location_name}`));
    }));
    for (const dot of dots.children) {
      dot.addEventListener("click", () => showDetail(detail, dot.dataset.eventId).catch(showError));
    }
  }
  await draw({});
}

function legend() {
  return el("p", { class: "legend" }, Object.entries(QUADS).map(([quad, text]) =>
    el("span", { class: `key quad${quad}` }, text)));
}

// --- dyad series ---------------------------------------------------------------------------

async function dyadView(view, params) {
  const state = { a: "IND", b: "PAK", freq: "week", ...params };
  const chart = el("div", { class: "chart" });
  const list = el("section", { class: "detail periods", hidden: true });
  view.append(el("h1", {}, "Conflict and cooperation between two actors"),
    form([["a", "Actor A", state.a], ["b", "Actor B", state.b], ["freq", "day / week / month", state.freq]],
      (values) => { Object.assign(state, values); draw().catch(showError); }),
    chart, legend(), list);

  async function draw() {
    const series = await api("/api/series", state);
    chart.replaceChildren(dyadChart(series.rows, (row) => periodEvents(row).catch(showError)));
  }

  async function periodEvents(row) {
    list.hidden = false;
    list.replaceChildren(el("h2", {}, `${state.a} – ${state.b}, ${row.period}`));
    const directions = state.directed === "false"
      ? [[state.a, state.b], [state.b, state.a]] : [[state.a, state.b]];
    for (const [actor, recipient] of directions) {
      const page = await api("/api/events", {
        actor, recipient, date_from: row.period, date_to: row.end, limit: 200,
      });
      for (const e of page.events) {
        list.append(el("p", { class: `quad${e.quad_class}`, dataset: { eventId: e.event_id } },
          el("strong", {}, `${e.date} ${e.actor_code} ${e.event_type} ${e.recipient_code}: `),
          e.sentence));
      }
    }
  }
  await draw();
}

function dyadChart(rows, onPick) {
  const width = 900, height = 320, pad = 40, mid = height / 2;
  const most = Math.max(1, ...rows.map((r) => Math.max(
    r.verbal_coop + r.material_coop, r.verbal_conflict + r.material_conflict)));
  const step = (width - 2 * pad) / Math.max(rows.length, 1);
  const scale = (mid - 20) / most;
  const bars = [];
  rows.forEach((row, i) => {
    const x = pad + i * step + step * 0.1, w = Math.max(step * 0.8, 1);
    let up = mid, down = mid;
    for (const quad of [1, 2]) {
      const n = row[QUAD_COLUMNS[quad]];
      up -= n * scale;
      if (n) bars.push(svg("rect", { x, y: up, width: w, height: n * scale, class: `quad${quad}` }));
    }
    for (const quad of [3, 4]) {
      const n = row[QUAD_COLUMNS[quad]];
      if (n) bars.push(svg("rect", { x, y: down, width: w, height: n * scale, class: `quad${quad}` }));
      down += n * scale;
    }
    const hit = svg("rect", {
      x, y: 10, width: w, height: height - 30, class: "hit", "data-period": row.period,
      "data-events": row.n_events,
    }, title(`${row.period}: ${row.n_events} events, Goldstein mean ${round(row.goldstein_mean) || "-"}`));
    hit.addEventListener("click", () => onPick(row));
    bars.push(hit);
    if (rows.length <= 24 || i % Math.ceil(rows.length / 24) === 0) {
      const label = svg("text", { x: x + w / 2, y: height - 4, class: "tick" });
      label.textContent = row.period;
      bars.push(label);
    }
  });
  const axis = svg("line", { x1: pad, x2: width - pad, y1: mid, y2: mid, class: "axis" });
  const up = svg("text", { x: 2, y: 16, class: "tick start" });
  up.textContent = "cooperation ↑";
  const down = svg("text", { x: 2, y: height - 24, class: "tick start" });
  down.textContent = "conflict ↓";
  return svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "dyad" }, bars, axis, up, down);
}

// --- network and top dyads -----------------------------------------------------------------

async function networkView(view) {
  const { nodes, edges } = await api("/api/network", { limit: 40 });
  const size = 640, centre = size / 2, radius = size / 2 - 70;
  const at = new Map(nodes.map((node, i) => {
    const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [node.id, [centre + radius * Math.cos(angle), centre + radius * Math.sin(angle)]];
  }));
  const most = Math.max(1, ...edges.map((e) => e.n_events));
  const lines = edges.map((e) => {
    const [x1, y1] = at.get(e.source), [x2, y2] = at.get(e.target);
    const tone = e.goldstein_mean < 0 ? "conflict" : "cooperation";
    return svg("line", { x1, y1, x2, y2, class: `edge ${tone}`,
      "stroke-width": 1 + (6 * e.n_events) / most },
    title(`${e.source} → ${e.target}: ${e.n_events} events, Goldstein mean ${round(e.goldstein_mean)}`));
  });
  const labels = nodes.map((node) => {
    const [x, y] = at.get(node.id);
    const text = svg("text", { x, y: y - 8, class: "node-label" });
    text.textContent = node.id;
    return svg("g", { class: "node" }, svg("circle", { cx: x, cy: y, r: 4 + Math.sqrt(node.n_events) }),
      text, title(`${node.id}: ${node.n_events} events`));
  });
  view.append(el("h1", {}, "Who acts on whom"),
    el("p", {}, "Lines: events from one actor to another (width: how many; red: mean Goldstein below zero)."),
    svg("svg", { viewBox: `0 0 ${size} ${size}`, class: "network" }, lines, labels));
}

async function dyadsView(view) {
  const [{ rows: dyads }, { rows: actors }] = await Promise.all([
    api("/api/dyads/top", { limit: 25 }), api("/api/actors/top", { limit: 25 }),
  ]);
  const link = (a, b) => el("a", { href: `#/dyad?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}` }, `${a} → ${b}`);
  view.append(
    el("h1", {}, "Top dyads"),
    el("table", {}, el("tr", {}, ["Dyad", "Events", "Goldstein mean", "Conflict", "Cooperation"].map((h) => el("th", {}, h))),
      dyads.map((d) => el("tr", {}, el("td", {}, link(d.actor, d.recipient)), el("td", {}, d.n_events),
        el("td", {}, round(d.goldstein_mean)), el("td", {}, d.verbal_conflict + d.material_conflict),
        el("td", {}, d.verbal_coop + d.material_coop)))),
    el("h1", {}, "Top actors"),
    el("table", {}, el("tr", {}, ["Actor", "Events", "Goldstein mean"].map((h) => el("th", {}, h))),
      actors.map((a) => el("tr", {}, el("td", {}, a.actor), el("td", {}, a.n_events), el("td", {}, round(a.goldstein_mean))))),
  );
}

// --- code an article -----------------------------------------------------------------------

function codeView(view) {
  const text = el("textarea", { name: "text", rows: 14, placeholder: "Paste an article" });
  const date = el("input", { name: "date", type: "date" });
  const output = el("section", { class: "coded" });
  const events = el("table", { class: "events" });
  const button = el("button", { type: "submit" }, "Code");
  const input = el("form", { class: "paste" }, text, el("label", {}, "Published ", date), button);
  input.addEventListener("submit", async (submit) => {
    submit.preventDefault();
    button.disabled = true;
    showError(null);
    try {
      const result = await api("/api/code", {}, {
        method: "POST", headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: text.value, date: date.value || null }),
      });
      render(text.value, result);
    } catch (error) {
      showError(error);
    } finally {
      button.disabled = false;
    }
  });
  view.append(el("h1", {}, "Code an article"), input, events, output);

  function render(article, result) {
    const spans = (event) => [
      { role: "trigger", start: event.trigger.start, end: event.trigger.end },
      event.actor.end > event.actor.start ? { role: "actor", start: event.actor.start, end: event.actor.end } : null,
      event.recipient && event.recipient.end > event.recipient.start
        ? { role: "recipient", start: event.recipient.start, end: event.recipient.end } : null,
    ].filter(Boolean);
    const show = (chosen) => output.replaceChildren(
      el("p", { class: "article" }, highlighted(article, chosen.flatMap(spans))));
    events.replaceChildren(
      el("tr", {}, ["Actor", "Type", "CAMEO", "Recipient", "Date", "Trigger"].map((h) => el("th", {}, h))),
      ...result.events.map((e) => el("tr", {
        class: `quad${e.quad_class}`, tabIndex: 0, onclick: () => show([e]),
        dataset: { actor: e.actor.code, type: e.event_type || "", recipient: e.recipient?.code || "" },
      }, el("td", {}, e.actor.code), el("td", {}, e.event_type), el("td", {}, e.cameo),
      el("td", {}, e.recipient?.code || ""), el("td", {}, e.date || ""), el("td", {}, e.trigger.text))),
    );
    show(result.events);
  }
}

// --- routing -------------------------------------------------------------------------------

const VIEWS = {
  events: explorer, dyad: dyadView, map: mapView, network: networkView, dyads: dyadsView,
  code: codeView,
};

async function route() {
  const [name, query] = (location.hash.slice(2) || "events").split("?");
  const view = document.getElementById("view");
  view.replaceChildren();
  showError(null);
  for (const link of document.querySelectorAll("nav a")) {
    link.classList.toggle("current", link.getAttribute("href") === `#/${name}`);
  }
  try {
    await (VIEWS[name] || explorer)(view, Object.fromEntries(new URLSearchParams(query || "")));
    view.dataset.ready = name;
  } catch (error) {
    showError(error);
  }
}

async function start() {
  try {
    const info = await api("/api/info");
    document.getElementById("store").textContent = info.store
      ? `${info.store}: ${info.events} events from ${info.documents} articles` : "no store";
  } catch (error) {
    showError(error);
  }
  window.addEventListener("hashchange", route);
  await route();
}

start();
