import { AttritionHighlights, attritionFormulas } from './AttritionParts';
import { CalculatorShell } from './CalculatorShell';
import type { CalculatorProps } from './types';

/** The agent-attrition calculator island. */
export default function AttritionCalculator(props: CalculatorProps) {
  return (
    <CalculatorShell
      props={props}
      parts={{
        highlights: (result) => <AttritionHighlights result={result} />,
        formulas: attritionFormulas,
      }}
    />
  );
}
