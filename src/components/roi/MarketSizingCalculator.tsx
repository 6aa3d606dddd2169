import { CalculatorShell } from './CalculatorShell';
import { MarketSizingCharts, marketSizingFormulas } from './MarketSizingParts';
import { EstimatesTable, HeadlinePanel } from './MarketSizingSources';
import type { CalculatorProps } from './types';

/** The market-sizing calculator island. */
export default function MarketSizingCalculator(props: CalculatorProps) {
  return (
    <CalculatorShell
      props={props}
      parts={{
        charts: (result, values) => (
          <>
            <MarketSizingCharts result={result} values={values} />
            {props.headline && (
              <HeadlinePanel markets={props.markets} headline={props.headline} values={values} />
            )}
            <EstimatesTable markets={props.markets} values={values} />
          </>
        ),
        formulas: marketSizingFormulas,
      }}
    />
  );
}
