import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What a destructive action asks before it runs: the consequence in words, and the two ways out. */
export interface Confirmation {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
}

/**
 * A button whose action asks first when `confirmation` is given (null: runs at once). The question
 * is a modal <dialog>: focus starts on the safe choice ("Zurück"), Escape and "Zurück" change
 * nothing, and focus returns to the button. Where the browser has no showModal (jsdom), the dialog
 * is shown open and Escape is handled here.
 */
export function ConfirmButton({ confirmation, onConfirm, children, className, testId, disabled, ariaLabel }: {
  confirmation: Confirmation | null;
  onConfirm: () => void;
  children: ReactNode;
  className?: string;
  testId?: string;
  disabled?: boolean;
  ariaLabel?: string;
}) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const done = (confirmed: boolean) => {
    setOpen(false);
    trigger.current?.focus();
    if (confirmed) onConfirm();
  };
  return (
    <>
      <button ref={trigger} type="button" className={className} data-testid={testId} disabled={disabled} aria-label={ariaLabel}
        aria-haspopup={confirmation ? 'dialog' : undefined}
        onClick={() => (confirmation ? setOpen(true) : onConfirm())}>
        {children}
      </button>
      {open && confirmation && <ConfirmDialog confirmation={confirmation} onClose={done} />}
    </>
  );
}

export function ConfirmDialog({ confirmation, onClose }: { confirmation: Confirmation; onClose: (confirmed: boolean) => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const safe = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    safe.current?.focus();
    return () => { if (dialog.open && typeof dialog.close === 'function') dialog.close(); };
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') { e.preventDefault(); onClose(false); }
  };
  return (
    <dialog ref={ref} className="confirm-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} data-testid="confirm-dialog"
      onCancel={(e) => { e.preventDefault(); onClose(false); }} onKeyDown={onKeyDown}>
      <h2 id={`${id}-title`} className="confirm-title">{confirmation.title}</h2>
      <div id={`${id}-body`} className="confirm-body">{confirmation.body}</div>
      <div className="button-row confirm-actions">
        <button ref={safe} type="button" className="primary" data-testid="confirm-cancel" onClick={() => onClose(false)}>
          {confirmation.cancelLabel ?? t('confirm.back')}
        </button>
        <button type="button" className="danger" data-testid="confirm-ok" onClick={() => onClose(true)}>{confirmation.confirmLabel}</button>
      </div>
    </dialog>
  );
}
