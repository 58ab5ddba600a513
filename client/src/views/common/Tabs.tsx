import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface Tab { id: string; label: string; content: ReactNode }

/**
 * WAI-ARIA tabs: one tab stop for the list (arrow keys, Home, End move and select), the panels stay
 * in the DOM (hidden), so live data keeps flowing into them and nothing is lost on a switch.
 */
export function Tabs({ tabs, label, initial, className }: { tabs: Tab[]; label: string; initial?: string; className?: string }) {
  const [selected, setSelected] = useState(initial ?? tabs[0]?.id);
  const base = useId();
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const select = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    setSelected(tab.id);
    refs.current[tab.id]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    select(to);
  };
  return (
    <div className={`tabs ${className ?? ''}`}>
      <div role="tablist" aria-label={label} className="tab-list">
        {tabs.map((tab, i) => (
          <button key={tab.id} ref={(el) => { refs.current[tab.id] = el; }} type="button" role="tab" id={`${base}-tab-${tab.id}`}
            aria-selected={tab.id === selected} aria-controls={`${base}-panel-${tab.id}`} tabIndex={tab.id === selected ? 0 : -1}
            className="tab" data-testid={`tab-${tab.id}`} onClick={() => setSelected(tab.id)} onKeyDown={(e) => onKeyDown(e, i)}>
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div key={tab.id} role="tabpanel" id={`${base}-panel-${tab.id}`} aria-labelledby={`${base}-tab-${tab.id}`}
          hidden={tab.id !== selected} className="tab-panel" tabIndex={0}>
          {tab.content}
        </div>
      ))}
    </div>
  );
}
