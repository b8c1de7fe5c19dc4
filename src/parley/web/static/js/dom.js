// Small DOM and SVG helpers, and the colours every chart shares. Data are only ever set as
// text or attributes, never parsed as HTML, so nothing in an article can run as markup.
// Styles are set through the element's style object, which the page's Content Security
// Policy (style-src 'self') allows where a style attribute would be refused.

const SVG_NS = "http://www.w3.org/2000/svg";

export const QUAD_COLORS = { 1: "#4aa38f", 2: "#1d6b57", 3: "#e0a43a", 4: "#c4453c" };
export const QUAD_LABELS = {
  1: "Verbal cooperation",
  2: "Material cooperation",
  3: "Verbal conflict",
  4: "Material conflict",
};
const NO_QUAD = "#9aa5b1";

export function quadColor(quad) {
  return QUAD_COLORS[quad] || NO_QUAD;
}

function build(element, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") element.textContent = value;
    else if (key === "style") element.style.cssText = value;
    else if (key === "on") for (const [type, fn] of Object.entries(value)) element.addEventListener(type, fn);
    else element.setAttribute(key, value);
  }
  for (const child of children || []) {
    if (child !== null && child !== undefined) element.append(child);
  }
  return element;
}

export function h(tag, attrs, children) {
  return build(document.createElement(tag), attrs, children);
}

export function s(tag, attrs, children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

// The drawing size of an SVG in CSS pixels, used as its viewBox so text keeps its size.
export function size(svgElement) {
  const box = svgElement.getBoundingClientRect();
  const width = Math.max(300, Math.round(box.width));
  const height = Math.max(120, Math.round(box.height));
  svgElement.setAttribute("viewBox", `0 0 ${width} ${height}`);
  return { width, height };
}

export function emptyNote(svgElement, width, height, message) {
  svgElement.append(s("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty-note", text: message }));
}

// "USA" or "USA, GBR → RUS": the parties of an event record, as codes.
export function partyCodes(entities) {
  const codes = entities.map((e) => e.country || e.org || e.text);
  return [...new Set(codes)].join(", ");
}
