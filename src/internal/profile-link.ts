/*
 * The browser's side of a profile link (`src/server/profile-token.ts` makes them): read the token
 * from the address, and the customer it names. Nothing here verifies a token; the server does.
 */

/**
 * The customer id in a profile token `cp1.<payload>.<signature>` (payload: base64url JSON
 * `{"c": customerId, "e": expirySeconds}`), read without checking the signature; `undefined` when
 * the token is not of that shape.
 */
export function customerIdOfToken(token: string): string | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== 'cp1' || !/^[A-Za-z0-9_-]+$/.test(parts[1]!)) return undefined;
  try {
    const binary = atob(parts[1]!.replace(/-/g, '+').replace(/_/g, '/'));
    const claims: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    const id = (claims as { c?: unknown } | null)?.c;
    return typeof id === 'string' && id !== '' ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes `token=…` out of the page's fragment (`#token=…`, as `profileLink` writes it) and out of
 * the address bar, with `history.replaceState`, so it is not bookmarked, shared or left in the
 * history; the rest of the URL (path, query, other fragment parameters) stays as it was.
 */
export function takeTokenFromFragment(): string | undefined {
  const url = new URL(location.href);
  const params = new URLSearchParams(url.hash.slice(1));
  const token = params.get('token');
  if (token === null) return undefined;
  params.delete('token');
  const rest = params.toString();
  url.hash = rest ? `#${rest}` : '';
  history.replaceState(history.state, '', url.href);
  return token || undefined;
}
