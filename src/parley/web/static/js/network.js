// The actor network: a small deterministic force layout (no library), drawn once as SVG.
// Node area grows with events; line width with interactions; colour with the conflict share.

import { emptyNote, s, size } from "./dom.js";

const ITERATIONS = 300;
const GRAVITY = 2.5; // keeps parties without links in view near the others

function mix(a, b, t) {
  const pa = a.match(/\w\w/g).map((h) => parseInt(h, 16));
  const pb = b.match(/\w\w/g).map((h) => parseInt(h, 16));
  return `rgb(${pa.map((v, i) => Math.round(v + (pb[i] - v) * t)).join(",")})`;
}

// Positions in [0, 1]² (Fruchterman-Reingold): nodes start on a circle, so the result is the
// same every time, repel each other, are pulled together along edges and towards the centre;
// the result is then stretched to fill the box.
function layout(nodes, edges) {
  const n = nodes.length;
  const pos = nodes.map((_, i) => {
    const angle = (2 * Math.PI * i) / n;
    return { x: Math.cos(angle), y: Math.sin(angle) };
  });
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target)]);
  const ideal = 2 / Math.sqrt(n + 1);
  for (let step = 0; step < ITERATIONS; step++) {
    const temperature = 0.2 * (1 - step / ITERATIONS) + 0.002;
    const force = pos.map((p) => ({ x: -p.x * GRAVITY, y: -p.y * GRAVITY }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x;
        const dy = pos[i].y - pos[j].y;
        const d2 = Math.max(dx * dx + dy * dy, 1e-6);
        const push = (ideal * ideal) / d2;
        force[i].x += dx * push; force[i].y += dy * push;
        force[j].x -= dx * push; force[j].y -= dy * push;
      }
    }
    for (const [a, b] of links) {
      const dx = pos[a].x - pos[b].x;
      const dy = pos[a].y - pos[b].y;
      const pull = Math.sqrt(dx * dx + dy * dy) / ideal;
      force[a].x -= dx * pull; force[a].y -= dy * pull;
      force[b].x += dx * pull; force[b].y += dy * pull;
    }
    for (let i = 0; i < n; i++) {
      const length = Math.hypot(force[i].x, force[i].y) || 1;
      const move = Math.min(length, temperature);
      pos[i].x += (force[i].x / length) * move;
      pos[i].y += (force[i].y / length) * move;
    }
  }
  const xs = pos.map((p) => p.x);
  const ys = pos.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return pos.map((p) => ({ x: x1 > x0 ? (p.x - x0) / (x1 - x0) : 0.5, y: y1 > y0 ? (p.y - y0) / (y1 - y0) : 0.5 }));
}

// Draws `data` (a NetworkPublic); clicking a node calls onPick(id). `selected` is the party
// filter (either side: a node's size counts its events in both roles), outlined.
export function renderNetwork(svg, data, selected, onPick) {
  svg.replaceChildren();
  const { width, height } = size(svg);
  const nodes = data.nodes;
  if (!nodes.length) {
    emptyNote(svg, width, height, "No parties in the selected events.");
    return;
  }
  const pos = layout(nodes, data.edges);
  const px = (i) => 30 + pos[i].x * (width - 60);
  const py = (i) => 30 + pos[i].y * (height - 48);
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const maxEvents = Math.max(...nodes.map((node) => node.events));
  const maxWeight = Math.max(1, ...data.edges.map((e) => e.weight));
  const radius = (node) => 4 + 14 * Math.sqrt(node.events / maxEvents);

  const defs = s("defs");
  defs.append(
    s("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" }, [
      s("path", { d: "M0,0 L10,5 L0,10 z", fill: "#8795a5" }),
    ]),
  );
  svg.append(defs);

  const edges = s("g");
  for (const edge of data.edges) {
    const a = index.get(edge.source);
    const b = index.get(edge.target);
    if (a === undefined || b === undefined) continue;
    const share = edge.conflict / edge.weight;
    const stroke = mix("#4aa38f", "#c4453c", share);
    const width = 1 + 5 * (edge.weight / maxWeight);
    const title = s("title", { text: `${edge.source} ${edge.source === edge.target ? "on itself (domestic)" : edge.directed ? "→" : "–"} ${edge.target === edge.source ? "" : edge.target}: ${edge.weight} events, ${edge.conflict} conflictual` });
    if (a === b) {
      // A party acting on itself (a government arresting its own citizens): a loop above it.
      const r = radius(nodes[a]);
      const [x, y] = [px(a), py(a) - r];
      edges.append(
        s("path", {
          class: "net-edge self-loop",
          "data-party": edge.source,
          d: `M${x - r * 0.6},${y + 2} C${x - r * 2.2},${y - r * 2.6} ${x + r * 2.2},${y - r * 2.6} ${x + r * 0.6},${y + 2}`,
          stroke,
          "stroke-width": width,
          "stroke-opacity": 0.55,
        }, [title]),
      );
      continue;
    }
    const [x1, y1, x2, y2] = [px(a), py(a), px(b), py(b)];
    const d = Math.hypot(x2 - x1, y2 - y1) || 1;
    const rb = radius(nodes[b]) + 2;
    const ex = x2 - ((x2 - x1) / d) * rb;
    const ey = y2 - ((y2 - y1) / d) * rb;
    // Directed edges bend a little, so A→B and B→A do not draw over each other.
    const bend = edge.directed ? 0.12 : 0;
    const cx = (x1 + ex) / 2 - (ey - y1) * bend;
    const cy = (y1 + ey) / 2 + (ex - x1) * bend;
    edges.append(
      s("path", {
        class: "net-edge",
        d: `M${x1},${y1} Q${cx},${cy} ${ex},${ey}`,
        stroke,
        "stroke-width": width,
        "stroke-opacity": 0.55,
        "marker-end": edge.directed ? "url(#arrow)" : null,
      }, [title]),
    );
  }
  svg.append(edges);

  const layer = s("g");
  nodes.forEach((node, i) => {
    const r = radius(node);
    const fill = node.kind === "org" ? "#6c7a89" : "#2f6fb0";
    layer.append(
      s("g", {
        class: `net-node${node.id === selected ? " selected" : ""}`,
        "data-id": node.id,
        transform: `translate(${px(i)},${py(i)})`,
        on: { click: () => onPick(node.id) },
      }, [
        s("title", { text: `${node.name} (${node.id}): ${node.events} events, ${node.as_actor} as actor, ${node.as_recipient} as recipient` }),
        s("circle", { r, fill, "fill-opacity": 0.85 }),
        s("text", { y: -r - 3, "text-anchor": "middle", text: node.id }),
      ]),
    );
  });
  svg.append(layer);
}
