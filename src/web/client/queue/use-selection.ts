import { useRef, useState } from 'preact/hooks';

// Which claims of the list are ticked. A shift-click ticks (or unticks) the whole range
// from the last clicked row, as in a mail client.
export function useSelection(ids: string[]) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const anchor = useRef<number | null>(null);

  const toggle = (index: number, range = false) => {
    const id = ids[index];
    if (id === undefined) return;
    setSelected((current) => {
      const next = new Set(current);
      const on = !current.has(id);
      const from = range && anchor.current !== null ? Math.min(anchor.current, index) : index;
      const to = range && anchor.current !== null ? Math.max(anchor.current, index) : index;
      for (const each of ids.slice(from, to + 1)) {
        if (on) next.add(each);
        else next.delete(each);
      }
      return next;
    });
    anchor.current = index;
  };
  const clear = () => {
    setSelected(new Set());
    anchor.current = null;
  };
  // Only what is still listed counts (a reload may have dropped some).
  const chosen = ids.filter((id) => selected.has(id));
  return { selected, chosen, toggle, clear };
}
