import type { UserEvent } from '@testing-library/user-event';

/**
 * Puts text into an empty field as one paste instead of a key event per character: the tests
 * are about what the form sends, not about typing, and key-by-key typing is what made them slow
 * on a loaded machine. (Date inputs and text with special keys still use `user.type`.)
 */
export async function fill(user: UserEvent, field: HTMLElement, text: string): Promise<void> {
  await user.click(field);
  await user.paste(text);
}
