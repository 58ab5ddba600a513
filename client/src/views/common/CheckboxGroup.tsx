import type { ReactNode } from 'react';

/**
 * A fieldset of checkboxes that edits a list of selected values (Länder, agenda items).
 * One component so the office's roster, schedule and agenda forms label and toggle alike.
 */
export function CheckboxGroup({ legend, options, selected, onChange, labelOf, children }: {
  legend: string;
  options: readonly string[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  labelOf: (value: string) => string;
  /** Further fields that belong to the same group (e.g. the decision recording a chair deviation). */
  children?: ReactNode;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="land-checks">
        {options.map((value) => (
          <label key={value} className="checkbox">
            <input
              type="checkbox"
              checked={selected.includes(value)}
              onChange={(e) => onChange(e.target.checked ? [...selected, value] : selected.filter((v) => v !== value))}
            />
            {labelOf(value)}
          </label>
        ))}
      </div>
      {children}
    </fieldset>
  );
}
