// Fetching the JSON API: the dashboard shows nothing the API does not also return.

// The URL of `path` with `params` (empty values left out, lists repeated).
export function apiURL(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined) url.searchParams.set(key, value);
  }
  return url;
}

// An error the API explained: `message` is its detail ("unknown event 'PROTESTS'; did you
// mean PROTEST? ..."), `status` the HTTP status.
export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

export async function getJSON(path, params = {}) {
  const url = apiURL(path, params);
  const response = await fetch(url);
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    const detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail || "");
    throw new ApiError(detail || `${url.pathname}: ${response.status}`, response.status);
  }
  return response.json();
}
