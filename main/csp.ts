/** The CSP of the renderer: nothing inline but the one style sheet Vuetify's theme writes with the nonce. */
export function rendererCsp(nonce: string, extraConnect = ''): string {
  return [
    "default-src 'self'", "script-src 'self'", `style-src 'self' 'nonce-${nonce}'`, "img-src 'self' data:", "font-src 'self' data:",
    `connect-src 'self'${extraConnect ? ` ${extraConnect}` : ''}`, "object-src 'none'", "base-uri 'self'", "form-action 'none'", "frame-ancestors 'none'",
  ].join('; ');
}

export function metNonce(html: string, nonce: string): string {
  return html.replace('__CSP_NONCE__', nonce);
}
