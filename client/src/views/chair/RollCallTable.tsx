import { useEffect, type ReactNode } from 'react';
import type { ErrorPayload, LandCode } from '@plenum/shared';
import { callLand } from '../../store/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useLandName } from '../common/hooks.ts';
import { useRowKeys } from './useRowKeys.ts';

/** How long the cursor rests on a row before the room is told (a held arrow key sends only where it stops). */
const CALL_SETTLE_MS = 150;

export interface RollCallTableProps<T extends string> {
  /** 'roll-call' or 'attendance': the prefix of the test ids and of the keys hint's id. */
  name: string;
  lands: LandCode[];
  caption: string;
  keysHint: string;
  /** aria-keyshortcuts of each row, e.g. "J N E". */
  shortcuts: string;
  /** Header labels after the Land's: the cells `before` the choices (if any), the choices, the state. */
  headers: string[];
  /** A lower-case letter → what it records. */
  keys: Record<string, T>;
  choices: T[];
  choiceLabel: (choice: T) => string;
  choiceClass: (choice: T) => string;
  choicesLabel: (landName: string) => string;
  choiceTestId: (land: LandCode, choice: T) => string;
  /** Records `choice` for `land` (a click, or a letter on its focused row). */
  onRecord: (land: LandCode, choice: T) => void;
  pressed: (land: LandCode, choice: T) => boolean;
  disabled?: (land: LandCode) => boolean;
  /** The row's data attributes and extra class. */
  rowData: (land: LandCode) => Record<string, string | boolean>;
  rowClass?: (land: LandCode) => string;
  /** What follows the Land's name in its header cell (a transfer note). */
  landNote?: (land: LandCode) => ReactNode;
  /** A cell before the choices (the person called); gets the row's tab index. */
  before?: (land: LandCode, tabIndex: number) => ReactNode;
  state: (land: LandCode) => ReactNode;
  error: ErrorPayload | null;
  /**
   * R-VOT-7: the round whose roll call this is (null: the attendance call), to tell the room which
   * Land is called now; undefined: this table does not tell it (the office records at the chair's side).
   */
  callFor?: string | null;
}

/**
 * The table of a roll call (R-VOT-7), for the vote's and the attendance's call (R-SES-2) alike, in
 * the chair console and the office: one focusable row per Land in the protocol order, large
 * choices, and the keyboard path of useRowKeys (a letter records the focused row's Land and moves
 * on, arrows, Home, End). A click records and moves on the same way.
 */
export function RollCallTable<T extends string>(p: RollCallTableProps<T>) {
  const landName = useLandName();
  const { current, focusRow, row } = useRowKeys(p.lands.length, p.keys, (i, value) => p.onRecord(p.lands[i], value));
  useAnnounceCall(p.callFor, p.lands[current]);
  const keysId = `${p.name}-keys`;
  return (
    <>
      <p className="muted" id={keysId}>{p.keysHint}</p>
      <table className="roll-call-table">
        <caption className="visually-hidden">{p.caption}</caption>
        <thead>
          <tr>{p.headers.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr>
        </thead>
        <tbody>
          {p.lands.map((land, i) => {
            const rowProps = row(i);
            return (
              <tr key={land} {...rowProps} aria-describedby={keysId} aria-keyshortcuts={p.shortcuts}
                data-testid={`${p.name}-row-${land}`} {...dataAttrs(p.rowData(land))}
                className={`roll-call-row ${p.rowClass?.(land) ?? ''}`}>
                <th scope="row">{landName(land)}{p.landNote?.(land)}</th>
                {p.before && <td>{p.before(land, rowProps.tabIndex)}</td>}
                <td>
                  <div className="roll-call-choices" role="group" aria-label={p.choicesLabel(landName(land))}>
                    {p.choices.map((c) => (
                      <button key={c} type="button" tabIndex={-1} className={`choice ${p.choiceClass(c)}`} aria-pressed={p.pressed(land, c)}
                        disabled={p.disabled?.(land)} data-testid={p.choiceTestId(land, c)}
                        onClick={() => { p.onRecord(land, c); focusRow(i + 1); }}>
                        {p.choiceLabel(c)}
                      </button>
                    ))}
                  </div>
                </td>
                <td data-testid={`${p.name}-state-${land}`}>{p.state(land)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ErrorAlert error={p.error} />
    </>
  );
}

const dataAttrs = (data: Record<string, string | boolean>) =>
  Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, String(v)]));

/**
 * R-VOT-7: tells the room which Land the chair calls now, once the cursor rests on a row, and
 * that the call ended when the table closes. `voteId` undefined: this table does not tell.
 */
function useAnnounceCall(voteId: string | null | undefined, land: LandCode | undefined) {
  useEffect(() => {
    if (voteId === undefined || !land) return;
    const timer = window.setTimeout(() => callLand({ land, voteId }), CALL_SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [voteId, land]);
  useEffect(() => {
    if (voteId === undefined) return;
    return () => callLand(null);
  }, [voteId]);
}
