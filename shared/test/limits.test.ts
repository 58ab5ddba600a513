import { describe, expect, it } from 'vitest';
import { DECLARATION_MAX_CHARS, MAX_DECLARATIONS_PER_LAND_AND_ITEM } from '../src/index.ts';
import { deputy, member, openSessionWith } from './support/scenario.ts';

describe('F2: what one Land can add to the protocol is bounded (R-VOT-4)', () => {
  it(`R-VOT-4: a declaration of ${DECLARATION_MAX_CHARS} characters is taken, one more → command.invalid`, () => {
    const s = openSessionWith(3);
    s.run({ type: 'addDeclaration', itemId: 'item-proposal', text: 'a'.repeat(DECLARATION_MAX_CHARS) }, member('BY'));
    s.refuse({ type: 'addDeclaration', itemId: 'item-proposal', text: 'a'.repeat(DECLARATION_MAX_CHARS + 1) }, member('BY'), 'command.invalid');
  });

  it(`R-VOT-4: ${MAX_DECLARATIONS_PER_LAND_AND_ITEM} declarations of a Land on one item, the next → declaration.tooMany; other Länder and items unaffected`, () => {
    const s = openSessionWith(3);
    for (let i = 0; i < MAX_DECLARATIONS_PER_LAND_AND_ITEM; i++) {
      s.run({ type: 'addDeclaration', itemId: 'item-proposal', text: `Erklärung ${i}` }, i % 2 ? deputy('BY') : member('BY'));
    }
    s.refuse({ type: 'addDeclaration', itemId: 'item-proposal', text: 'noch eine' }, deputy('BY'), 'declaration.tooMany', 'R-VOT-4');
    s.run({ type: 'addDeclaration', itemId: 'item-proposal', text: 'Baden-Württemberg erklärt' }, member('BW'));
    expect(s.state.declarations.filter((d) => d.land === 'BY')).toHaveLength(MAX_DECLARATIONS_PER_LAND_AND_ITEM);
  });
});
