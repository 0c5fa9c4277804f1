// What the Export and Import sections say and suggest, kept apart from the components so the
// wording and the default file names are tested on their own.

export type ExportKind = "json" | "markdown" | "portfolio" | "summary";

/** A name the file systems of the three desktops all accept: no slashes, colons or the like. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "-").trim() || "Export";
}

/** The same day a year earlier, as YYYY-MM-DD (29 February becomes 28 February). */
export function yearBefore(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  const year = (y ?? 1970) - 1;
  const month = m ?? 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d ?? 1, last);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The name the save dialog offers, with the extension the file will have (`.age` when encrypted). */
export function defaultExportName(
  kind: ExportKind,
  { today, to, mentorName, encrypted }: { today: string; to: string; mentorName?: string; encrypted: boolean },
): string {
  const age = encrypted ? ".age" : "";
  switch (kind) {
    case "json":
      return `Mentor Journal ${today}.json${age}`;
    case "markdown":
      return encrypted ? `Mentor Journal ${today}.zip.age` : `Mentor Journal ${today}`;
    case "portfolio":
      return `Mentorship portfolio ${to.slice(0, 4)}.pdf${age}`;
    case "summary":
      return safeFileName(`Summary for ${mentorName ?? "a mentor"}.pdf${age}`);
  }
}

/** The file types the save dialog lists (none for the plain Markdown folder). */
export function exportFilters(kind: ExportKind, encrypted: boolean): Array<{ name: string; extensions: string[] }> {
  if (encrypted) return [{ name: "Encrypted file (age)", extensions: ["age"] }];
  switch (kind) {
    case "json":
      return [{ name: "JSON", extensions: ["json"] }];
    case "markdown":
      return [];
    case "portfolio":
    case "summary":
      return [{ name: "PDF", extensions: ["pdf"] }];
  }
}

/** A tag as a person's name, for "A new mentor named …": `dev-testing-tag` → "Dev Testing Tag". */
export function tagAsName(tag: string): string {
  return tag
    .replace(/^[@#]+/, "")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
}

export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}
