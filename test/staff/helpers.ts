/** A cookie-keeping HTTP client for the staff console, as a browser would talk to it. */
export interface ConsoleResponse {
  status: number;
  location: string | null;
  html: string;
  headers: Headers;
}

export class ConsoleClient {
  private readonly jar = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (attrs.some((a) => /max-age=0/i.test(a.trim())) || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  private cookieHeader(): Record<string, string> {
    return this.jar.size ? { cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  /** `headers`: what a page's script adds (Accept: application/json). */
  async request(method: 'GET' | 'POST', path: string, form?: Record<string, string | string[]>, headers: Record<string, string> = {}): Promise<ConsoleResponse> {
    let body: string | undefined;
    if (form) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
      body = params.toString();
    }
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: { ...this.cookieHeader(), 'accept-language': 'fi', ...headers, ...(body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body,
    });
    this.remember(res);
    return { status: res.status, location: res.headers.get('location'), html: await res.text(), headers: res.headers };
  }

  get(path: string): Promise<ConsoleResponse> {
    return this.request('GET', path);
  }

  post(path: string, form: Record<string, string | string[]> = {}): Promise<ConsoleResponse> {
    return this.request('POST', path, form);
  }

  /** GET, following redirects within the console. */
  async open(path: string): Promise<ConsoleResponse> {
    let res = await this.get(path);
    for (let i = 0; i < 5 && res.status === 303 && res.location?.startsWith('/'); i++) res = await this.get(res.location);
    return res;
  }

  /** The CSRF token of the forms on a page. */
  static csrf(html: string): string {
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!m) throw new Error('no CSRF token on the page');
    return m[1];
  }

  /** Signs in with a one-time link URL: the confirm page, then its form. */
  async signInWithLink(linkUrl: string): Promise<ConsoleResponse> {
    const path = new URL(linkUrl).pathname;
    const confirm = await this.get(path);
    if (confirm.status !== 200) throw new Error(`sign-in link page answered ${confirm.status}`);
    const done = await this.post(path);
    if (done.status !== 303) throw new Error(`sign-in answered ${done.status}`);
    return this.open(done.location!);
  }
}

/** Visible text of an HTML fragment, for asserting what a person reads. */
export function text(html: string): string {
  return html
    .replace(/<(script|style|title)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
