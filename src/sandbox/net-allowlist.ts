/** Whether `hostname` is on a plugin's net allowlist: exact names, or `*.example.com` for subdomains. */
export function hostAllowed(hostname: string, allowlist: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  for (const entry of allowlist) {
    const rule = entry.toLowerCase().replace(/\.$/, "");
    if (rule.startsWith("*.")) {
      if (host.endsWith(rule.slice(1)) && host.length > rule.length - 1) return true;
    } else if (host === rule) return true;
  }
  return false;
}
