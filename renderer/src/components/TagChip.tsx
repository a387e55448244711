/** A tag's name on its colour. */
export function TagChip({ name, colour }: { name: string; colour: string }) {
  return (
    <span className="tag-chip" style={{ backgroundColor: colour }} dir="auto">
      {name}
    </span>
  );
}
