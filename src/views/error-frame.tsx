import type { Child, FC } from 'hono/jsx';
import { Layout } from './layout.tsx';

/** A page saying why a request was not done: title, explanation, then the links on (the `<li>` children). Never indexed. */
export const ErrorFrame: FC<{ title: string; body: string; children?: Child }> = ({ title, body, children }) => (
  <Layout title={title} noindex>
    <div class="error-page">
      <h1>{title}</h1>
      <p>{body}</p>
      <ul class="error-page__links">{children}</ul>
    </div>
  </Layout>
);
