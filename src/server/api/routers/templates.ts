import { getTemplate } from '../../templates/operations/get-template';
import { getTemplateFigures } from '../../templates/operations/get-template-figures';
import { listTemplates } from '../../templates/operations/list-templates';
import { procedureFor } from '../procedure-for';
import { router } from '../trpc';

/** Solution templates (blueprints) and, for channel managers, how deals built on them fare. */
export const templatesRouter = router({
  list: procedureFor(listTemplates),
  get: procedureFor(getTemplate),
  stats: procedureFor(getTemplateFigures),
});
