import { CalculatorShell } from './CalculatorShell';
import { SpeedToLeadCharts, SpeedToLeadHighlights, speedToLeadFormulas } from './SpeedToLeadParts';
import type { CalculatorProps } from './types';

/** The speed-to-lead calculator island. */
export default function SpeedToLeadCalculator(props: CalculatorProps) {
  return (
    <CalculatorShell
      props={props}
      parts={{
        highlights: (result, values) => <SpeedToLeadHighlights result={result} values={values} />,
        charts: (_result, values) => <SpeedToLeadCharts values={values} />,
        formulas: speedToLeadFormulas,
      }}
    />
  );
}
