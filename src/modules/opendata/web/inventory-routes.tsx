import type { FastifyInstance, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../platform/http/form-page.ts';
import { addInformationResource, getInventory, getInventoryForSteward } from '../inventory.ts';
import { informationResourceInput } from '../opendata.input.ts';
import { orgName } from './common.ts';
import { withHeading } from './heading.tsx';
import { InventoryFormView, InventoryView } from './inventory-pages.tsx';

type Slug = { slug: string };

/** The inventory of information resources (10.5): public at /orgs/<slug>/opendata/inventory, kept by the steward. */
export async function inventoryRoutes(app: FastifyInstance) {
  const { deps } = app;

  app.get<{ Params: Slug }>('/orgs/:slug/opendata/inventory', async (req, reply) => {
    const { org, items } = await getInventory(deps, req.params.slug);
    const name = orgName(org, req.locale);
    const title = `${req.t('opendata.inventory.title')}: ${name}`;
    return reply.page(title, withHeading(title, <InventoryView org={org} items={items} />), {
      breadcrumbs: [
        { href: '/', text: req.t('ui.nav.home') },
        { href: `/orgs/${org.slug}`, text: name },
        { href: `/orgs/${org.slug}/opendata/`, text: req.t('opendata.title') },
        { text: req.t('opendata.inventory.title') },
      ],
    });
  });

  const form = async (req: FastifyRequest<{ Params: Slug }>): Promise<RenderForm> => {
    const { org, items } = await getInventoryForSteward(deps, originOf(req), req.params.slug);
    return (f) => ({
      title: `${req.t('opendata.inventory.title')}: ${orgName(org, req.locale)}`,
      body: (
        <InventoryFormView
          title={`${req.t('opendata.inventory.title')}: ${orgName(org, req.locale)}`}
          org={org}
          items={items}
          {...f}
        />
      ),
      breadcrumbs: [
        { href: '/manage', text: req.t('ui.nav.manage') },
        { href: '/manage/opendata', text: req.t('opendata.manage.title') },
        { text: req.t('opendata.inventory.title') },
      ],
    });
  };
  app.get<{ Params: Slug }>('/manage/opendata/inventory/:slug', async (req, reply) => {
    if ((req.query as Record<string, unknown>)?.notice === 'added')
      req.flash = { kind: 'success', text: req.t('opendata.inventory.added') };
    return showForm(req, reply, await form(req));
  });
  app.post<{ Params: Slug }>('/manage/opendata/inventory/:slug', async (req, reply) =>
    handleForm(req, reply, {
      schema: informationResourceInput,
      render: await form(req),
      run: async (input) => {
        await addInformationResource(deps, originOf(req), { slug: req.params.slug, ...input });
        return `/manage/opendata/inventory/${req.params.slug}?notice=added`;
      },
    }),
  );
}
