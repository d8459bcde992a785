import { CopyButton } from "./copy-button";

/** A shell example to read and copy: left-to-right whatever the page's direction, scrolled, not wrapped. */
export function DocsCodeBlock({ title, code, copyWhat }: { title: string; code: string; copyWhat: string }) {
  return (
    <figure className="grid gap-2">
      <figcaption className="flex items-center justify-between gap-2 text-sm font-medium">
        {title}
        <CopyButton value={code} what={copyWhat} />
      </figcaption>
      <pre dir="ltr" className="overflow-x-auto rounded-md border bg-muted p-3 text-xs leading-relaxed">
        <code>{code}</code>
      </pre>
    </figure>
  );
}
