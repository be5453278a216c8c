import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface ConsoleTab<K extends string> {
  id: K;
  label: string;
  content: ReactNode;
}

interface ConsoleTabsProps<K extends string> {
  label: string;
  tabs: ReadonlyArray<ConsoleTab<K>>;
  selected: K;
  onSelect: (id: K) => void;
}

/**
 * The console's side panel: tabs (WAI-ARIA: arrows, Home and End move between them). Every panel
 * stays mounted, the others hidden, so a form half filled in is still there when its tab comes back.
 */
export function ConsoleTabs<K extends string>({ label, tabs, selected, onSelect }: ConsoleTabsProps<K>) {
  const buttons = useRef(new Map<K, HTMLButtonElement>());
  const current = tabs.some((tab) => tab.id === selected) ? selected : tabs[0]?.id;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === current);
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const step: Record<string, number> = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, ArrowDown: 1, ArrowUp: -1 };
    let next: number | null = null;
    if (event.key in step) next = (index + step[event.key]! + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    if (next === null) return;
    event.preventDefault();
    const tab = tabs[next]!;
    onSelect(tab.id);
    buttons.current.get(tab.id)?.focus();
  };

  return (
    <div className="console-tabs">
      <div className="console-tabs__list" role="tablist" aria-label={label} aria-orientation="horizontal" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) buttons.current.set(tab.id, element);
              else buttons.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`console-tab-${tab.id}`}
            className="console-tabs__tab"
            aria-selected={tab.id === current}
            aria-controls={`console-tabpanel-${tab.id}`}
            tabIndex={tab.id === current ? 0 : -1}
            onClick={() => onSelect(tab.id)}
            data-testid={`tool-tab-${tab.id}`}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`console-tabpanel-${tab.id}`}
          className="console-tabs__panel"
          aria-labelledby={`console-tab-${tab.id}`}
          hidden={tab.id !== current}
          data-testid={`tool-panel-${tab.id}`}
        >
          {tab.content}
        </div>
      ))}
    </div>
  );
}
