import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import AttritionCalculator from '../../../src/components/roi/AttritionCalculator';
import SpeedToLeadCalculator from '../../../src/components/roi/SpeedToLeadCalculator';
import { textValues } from '../../../src/lib/roi/fields';
import { getModel } from '../../../src/lib/roi/models';
import { getBenchmarks, getDefaultValues, getModelContext } from '../../../src/server/content/roi';

/** The calculator islands as the server renders them (before hydration), at their defaults. */
function render(id: 'attrition' | 'speed-to-lead') {
  const component = id === 'attrition' ? AttritionCalculator : SpeedToLeadCalculator;
  return renderToStaticMarkup(
    createElement(component, {
      model: id,
      benchmarks: getBenchmarks(id),
      initialText: textValues(getModel(id).fields(getModelContext()), getDefaultValues(id)),
      markets: [],
      isSignedIn: false,
      path: `/roi/${id}`,
    }),
  );
}

describe('the calculators render the issue-15 additions', () => {
  it('attrition: risk-adjusted headline, simulation waiting, disputed range left out, break-evens, risk inputs', () => {
    const html = render('attrition');
    expect(html).toContain('Before risk adjustment:');
    expect(html).toContain('Simulating…');
    expect(html).toContain(
      'The disputed range of productivity change for virtual agents is left out',
    );
    expect(html).toContain('Where NPV reaches zero');
    expect(html).toContain('Risk adjustment: attrition savings');
    expect(html).not.toContain('data-testid="believability"');
  });

  it('speed to lead: the believability guard', () => {
    const html = render('speed-to-lead');
    expect(html).toContain('data-testid="believability"');
    expect(html).toContain('Unusually high:');
  });
});
