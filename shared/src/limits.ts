/**
 * Caps on what one participant can add to the record: every rendering of the protocol (PDF,
 * Markdown, screens) stays bounded whatever is sent. Free text is capped in the command schemas;
 * counts are checked by the deciders.
 */

/** A protocol declaration (R-VOT-4, R-CIR-3): a few paragraphs, not a document. */
export const DECLARATION_MAX_CHARS = 4_000;
/** Declarations one Land may add to one agenda item (R-VOT-4). */
export const MAX_DECLARATIONS_PER_LAND_AND_ITEM = 3;

/**
 * R-PRT-3: an attachment's text (the 1st DMK's rules of procedure, Anlage 1 of TOP 2 a, are about
 * 12,000 characters). One command carrying it still fits MAX_MESSAGE_BYTES (64 KiB).
 */
export const ATTACHMENT_MAX_CHARS = 40_000;
/** Attachments of one agenda item. */
export const MAX_ATTACHMENTS_PER_ITEM = 10;
