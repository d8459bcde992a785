/**
 * A description of the OpenAPI document as text, with its `inline code` spans (the only CommonMark
 * the document uses) shown as code, left to right.
 */
export function DocsText({ text }: { text: string }) {
  const parts = text.split(/`([^`]+)`/);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <code key={index} dir="ltr" className="rounded bg-muted px-1 font-mono text-[0.85em]">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
