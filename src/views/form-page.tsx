import type { Child, FC } from 'hono/jsx';
import { Layout } from './layout.tsx';

/** A page that is one short form (sign-in, sign-up, password…): its title as heading, then the form. Never indexed. */
export const FormPage: FC<{ title: string; children?: Child }> = ({ title, children }) => (
  <Layout title={title} noindex>
    <div class="account-form-page">
      <h1>{title}</h1>
      {children}
    </div>
  </Layout>
);
