import type { FastifyInstance, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import type { FieldError } from '../../../platform/errors/index.ts';
import { uploadsOf } from '../../../platform/files/index.ts';
import { handleForm, type RenderForm, sendFormPage, showForm } from '../../../platform/http/form-page.ts';
import type { DataProblem } from '../check-data.ts';
import { listStewarded } from '../list-stewarded.ts';
import {
  changeStructureInput,
  registerDatasetInput,
  structureText,
  uploadDataInput,
} from '../opendata.input.ts';
import { changeStructure, DataRejected, uploadData } from '../publish-data.ts';
import { getDatasetForSteward, registerDataset } from '../register-dataset.ts';
import { withHeading } from './heading.tsx';
import { DatasetManageView, ManageListView, RegisterFormView } from './manage-pages.tsx';

type IdParams = { identifier: string };

const notices: Record<string, string> = {
  registered: 'opendata.manage.registered',
  uploaded: 'opendata.manage.uploaded',
  structure: 'opendata.manage.structureSaved',
};

function noticeFrom(req: FastifyRequest) {
  const key = (req.query as Record<string, unknown>)?.notice;
  if (typeof key === 'string' && Object.hasOwn(notices, key))
    req.flash = { kind: 'success', text: req.t(notices[key] as string) };
}

/** /manage/opendata: a body's data steward registers datasets, uploads versions, changes the structure. */
export async function opendataManageRoutes(app: FastifyInstance) {
  const { deps } = app;
  const crumbs = (req: FastifyRequest) => [
    { href: '/manage', text: req.t('ui.nav.manage') },
    { href: '/manage/opendata', text: req.t('opendata.manage.title') },
  ];

  app.get('/manage/opendata', async (req, reply) => {
    noticeFrom(req);
    const { orgs, datasets } = await listStewarded(deps, originOf(req));
    const title = req.t('opendata.manage.title');
    return reply.page(title, withHeading(title, <ManageListView orgs={orgs} datasets={datasets} />), {
      breadcrumbs: [
        { href: '/manage', text: req.t('ui.nav.manage') },
        { text: req.t('opendata.manage.title') },
      ],
    });
  });

  const registerForm = async (req: FastifyRequest): Promise<RenderForm> => {
    const { orgs } = await listStewarded(deps, originOf(req));
    return (form) => ({
      title: req.t('opendata.manage.new'),
      body: <RegisterFormView title={req.t('opendata.manage.new')} orgs={orgs} {...form} />,
      breadcrumbs: [...crumbs(req), { text: req.t('opendata.manage.new') }],
    });
  };
  app.get('/manage/opendata/new', async (req, reply) => {
    const render = await registerForm(req);
    const { orgs } = await listStewarded(deps, originOf(req));
    return showForm(
      req,
      reply,
      render,
      orgs.length === 1 && orgs[0] ? { org: orgs[0].id, identifier: `${orgs[0].inn ?? ''}-` } : {},
    );
  });
  app.post('/manage/opendata/new', async (req, reply) =>
    handleForm(req, reply, {
      schema: registerDatasetInput,
      render: await registerForm(req),
      run: async (input) => {
        const ds = await registerDataset(deps, originOf(req), input);
        return `/manage/opendata/${ds.identifier}?notice=registered`;
      },
    }),
  );

  const datasetForm = async (
    req: FastifyRequest<{ Params: IdParams }>,
    problems: DataProblem[] = [],
  ): Promise<RenderForm> => {
    const d = await getDatasetForSteward(deps, originOf(req), req.params.identifier);
    return (form) => ({
      title: d.dataset.title,
      body: (
        <DatasetManageView
          title={d.dataset.title}
          {...d}
          {...form}
          problems={problems}
          structureText={d.structures[0] ? structureText(d.structures[0].columns) : ''}
        />
      ),
      breadcrumbs: [...crumbs(req), { text: d.dataset.identifier }],
    });
  };
  app.get<{ Params: IdParams }>('/manage/opendata/:identifier', async (req, reply) => {
    noticeFrom(req);
    return showForm(req, reply, await datasetForm(req));
  });

  app.post<{ Params: IdParams }>('/manage/opendata/:identifier/upload', async (req, reply) => {
    const render = await datasetForm(req);
    const files = uploadsOf(req.body, 'file');
    return handleForm(req, reply, {
      schema: uploadDataInput,
      render,
      check: async (): Promise<FieldError[]> =>
        files.length === 1 ? [] : [{ field: 'file', message: 'opendata.field.file.required' }],
      run: async ({ provenance }) => {
        try {
          await uploadData(deps, originOf(req), {
            identifier: req.params.identifier,
            provenance,
            file: files[0] as never,
          });
        } catch (err) {
          if (!(err instanceof DataRejected)) throw err;
          const values = { provenance };
          return sendFormPage(req, reply, await datasetForm(req, err.problems), {
            values,
            errors: err.errors,
          });
        }
        return `/manage/opendata/${req.params.identifier}?notice=uploaded`;
      },
    });
  });

  app.post<{ Params: IdParams }>('/manage/opendata/:identifier/structure', async (req, reply) =>
    handleForm(req, reply, {
      schema: changeStructureInput,
      render: await datasetForm(req),
      run: async ({ structure }) => {
        await changeStructure(deps, originOf(req), { identifier: req.params.identifier, structure });
        return `/manage/opendata/${req.params.identifier}?notice=structure`;
      },
    }),
  );
}
