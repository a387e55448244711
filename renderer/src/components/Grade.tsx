/** A claim's grade on the Admiralty scale. */

/** A grade such as "B2", kept left to right so "B?" never shows as "?B" in an Arabic row. */
export function Grade({ grade }: { grade: string }) {
  return (
    <bdi dir="ltr" className="grade">
      {grade}
    </bdi>
  );
}
