// Fetching the JSON API: the dashboard shows nothing the API does not also return.

export async function getJSON(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined) url.searchParams.set(key, value);
  }
  const response = await fetch(url);
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(`${url.pathname}: ${response.status} ${JSON.stringify(body.detail || "")}`);
  }
  return response.json();
}
