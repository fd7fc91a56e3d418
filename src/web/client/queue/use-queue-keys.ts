import { useEffect, useRef, useState } from 'preact/hooks';

export const SHORTCUTS: [string, string][] = [
  ['j', 'next claim'],
  ['k', 'previous claim'],
  ['Enter', 'open the claim'],
  ['a', 'assign the claim to me'],
  ['x', 'tick the claim (shift-x: the range from the last one)'],
  ['?', 'show these shortcuts'],
];

// Keys are the desk's, not the field's: nothing fires while typing in a form control.
function typing(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  return element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName);
}

interface Handlers {
  count: number;
  open(index: number): void;
  assignToMe(index: number): void;
  toggle(index: number, range: boolean): void;
}

// j/k move the current row (and focus it, so the focus ring shows where you are), Enter
// opens it, a assigns it to me, x ticks it, ? shows the list of keys.
export function useQueueKeys(handlers: Handlers) {
  const [current, setShown] = useState(-1);
  const [help, setHelp] = useState(false);
  // The listener reads these refs, not a render's closure: a key pressed right after the
  // list changed (before effects re-ran) still sees the new list and the new position.
  const latest = useRef(handlers);
  latest.current = handlers;
  const position = useRef(-1);
  const setCurrent = (index: number) => {
    position.current = index;
    setShown(index);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      const handlers = latest.current;
      const current = position.current;
      const move = (to: number) => {
        const next = Math.max(0, Math.min(handlers.count - 1, to));
        setCurrent(next);
        document.querySelector<HTMLElement>(`[data-row="${next}"] .claim-row-text`)?.focus();
      };
      const key = event.key;
      if (key === '?') setHelp((shown) => !shown);
      else if (key === 'Escape') setHelp(false);
      else if (handlers.count === 0) return;
      else if (key === 'j') move(current + 1);
      else if (key === 'k') move(current < 0 ? 0 : current - 1);
      else if (current < 0) return;
      else if (key === 'Enter') handlers.open(current);
      else if (key === 'a') handlers.assignToMe(current);
      else if (key === 'x' || key === 'X') handlers.toggle(current, event.shiftKey);
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return { current, setCurrent, help, closeHelp: () => setHelp(false) };
}
