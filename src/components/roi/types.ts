import type { RoiModelId } from '../../lib/catalog';
import type {
  BenchmarkDefault,
  MarketContent,
  MarketHeadline,
} from '../../lib/content/roi-schemas';

/** What an Astro page passes to a calculator island (plain JSON). */
export interface CalculatorProps {
  model: RoiModelId;
  /** Default, range and sources of every input. */
  benchmarks: Record<string, BenchmarkDefault>;
  /** What each field shows first: defaults, the query string, or a saved scenario. */
  initialText: Record<string, string>;
  /** Field messages from a form post the server refused. */
  initialErrors?: Record<string, string>;
  /** Markets for market sizing (empty for the other models). */
  markets: MarketContent[];
  headline?: MarketHeadline | undefined;
  isSignedIn: boolean;
  /** The page path, for the no-JavaScript forms and sign-in link. */
  path: string;
  /** Set when editing a saved scenario. */
  scenario?: { id: string; name: string; description: string | null } | undefined;
  saveName?: string;
}
