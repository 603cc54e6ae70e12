// Every template's source, fetched by the playground when the reader picks one.
import { templates } from '../../../components/playground/templates';

export function GET(): Response {
  const all = templates().map(({ src, source }) => ({ src, source }));
  return new Response(JSON.stringify(all), { headers: { 'content-type': 'application/json' } });
}
