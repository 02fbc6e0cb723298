import { openDatabase } from './src/db/database.ts';
import { migrateToLatest } from './src/db/migrate.ts';
import { seedDemo } from './src/practices/demo-seed.ts';
import { parseSearchParams } from './src/search/search.params.ts';
import { searchUncached } from './src/search/search.service.ts';
const db = await openDatabase({ kind: 'pglite' });
await migrateToLatest(db);
await seedDemo(db);
const qs: [string,string][] = [['how do cities support refugees looking for a flat','en'],['logement pour les réfugiés','fr'],['teaching the local language to newly arrived adults','en'],['women migrants learning to ride a bike','en'],['giving migrants a voice in city decisions','en'],['volunteer buddies for refugees','en'],['cómo integrar a los niños migrantes en la escuela','es'],['help undocumented people access health services','en'],['houseing refugess','en'],['"language course"','en'],['难民住房','zh']];
for (const [q, locale] of qs) {
  const t = performance.now();
  const r = await searchUncached(db, parseSearchParams(new URLSearchParams({ q })).params, { locale, pageSize: 5 });
  console.log(`${q} [${(performance.now()-t).toFixed(1)}ms] total=${r.total}`, JSON.stringify(r.explanation));
  for (const h of r.hits) console.log('   ', h.id, '|', h.title.slice(0,60), '|', (h.snippet??[]).filter(s=>s.mark).map(s=>s.text).join(','));
}
await db.destroy();
