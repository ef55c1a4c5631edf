import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FieldError } from '../errors/index.ts';
import { handleForm, type RenderForm, showForm } from '../http/form-page.ts';
import { safeLocalPath } from '../http/redirect.ts';
import {
  Button,
  ButtonGroup,
  ErrorSummary,
  Form,
  Heading,
  InsetText,
  Narrow,
  Radios,
} from '../ui/components.tsx';
import { useView } from '../ui/context.ts';
import {
  colourSchemes,
  type LowVision,
  lowVisionCookie,
  lowVisionOff,
  parseLowVision,
  serializeLowVision,
  textSizes,
} from '../ui/low-vision.ts';

/*
 * /accessibility: the version for the visually impaired (larger text, a
 * high-contrast colour scheme, images off, wider spacing), kept in a cookie.
 * GET shows the settings, POST saves them (or one change from the bar under
 * the header, `set=<what>:<value>`, or `set=off`) and redirects back (303).
 */

const settingsSchema = z.object({
  size: z.enum(textSizes, { message: 'ui.lowVision.size.required' }),
  scheme: z.enum(colourSchemes, { message: 'ui.lowVision.scheme.required' }),
  images: z.enum(['1', '0'], { message: 'ui.lowVision.images.required' }),
  spacing: z.enum(['1', '0'], { message: 'ui.lowVision.spacing.required' }),
});

type Values = Partial<Record<'size' | 'scheme' | 'images' | 'spacing', string>>;

/** One change from the bar: the current settings (or the defaults) with that change applied; null when unknown. */
export function applyChange(current: LowVision, set: string): Omit<LowVision, 'on'> | null {
  const base = current.on ? current : lowVisionOff;
  const [what, value] = set.split(':');
  const next = { size: base.size, images: base.images, spacing: base.spacing, scheme: base.scheme };
  if (what === 'size' && (textSizes as readonly string[]).includes(value ?? ''))
    next.size = value as LowVision['size'];
  else if (what === 'scheme' && (colourSchemes as readonly string[]).includes(value ?? ''))
    next.scheme = value as LowVision['scheme'];
  else if (what === 'images' && (value === '1' || value === '0')) next.images = value === '1';
  else if (what === 'spacing' && (value === '1' || value === '0')) next.spacing = value === '1';
  else return null;
  return next;
}

function SettingsView({ values, errors }: { values: Values; errors: FieldError[] }) {
  const { t, lowVision } = useView();
  return (
    <Narrow>
      <ErrorSummary errors={errors} />
      <Heading>{t('ui.lowVision.title')}</Heading>
      <p class="govuk-body">{t('ui.lowVision.intro')}</p>
      {lowVision.on && <InsetText>{t('ui.lowVision.isOn')}</InsetText>}
      <Form action="/accessibility">
        <Radios
          name="size"
          legend={t('ui.lowVision.size')}
          value={values.size}
          errors={errors}
          items={textSizes.map((s) => ({ value: s, text: t(`ui.lowVision.size.${s}`) }))}
        />
        <Radios
          name="scheme"
          legend={t('ui.lowVision.scheme')}
          hint={t('ui.lowVision.scheme.hint')}
          value={values.scheme}
          errors={errors}
          items={colourSchemes.map((s) => ({ value: s, text: t(`ui.lowVision.scheme.${s}`) }))}
        />
        <Radios
          name="images"
          legend={t('ui.lowVision.images')}
          value={values.images}
          errors={errors}
          inline
          items={[
            { value: '1', text: t('ui.lowVision.images.show') },
            { value: '0', text: t('ui.lowVision.images.hide') },
          ]}
        />
        <Radios
          name="spacing"
          legend={t('ui.lowVision.spacing')}
          value={values.spacing}
          errors={errors}
          inline
          items={[
            { value: '0', text: t('ui.lowVision.spacing.normal') },
            { value: '1', text: t('ui.lowVision.spacing.wide') },
          ]}
        />
        <Button>{t(lowVision.on ? 'ui.lowVision.save' : 'ui.lowVision.turnOn')}</Button>
      </Form>
      {lowVision.on && (
        <Form action="/accessibility">
          <ButtonGroup>
            <Button variant="secondary" name="set" value="off">
              {t('ui.lowVision.off')}
            </Button>
          </ButtonGroup>
        </Form>
      )}
    </Narrow>
  );
}

function valuesOf(lv: LowVision): Values {
  return { size: lv.size, scheme: lv.scheme, images: lv.images ? '1' : '0', spacing: lv.spacing ? '1' : '0' };
}

export async function accessibilityPage(app: FastifyInstance) {
  const cookieOpts = () => ({
    path: '/',
    sameSite: 'lax' as const,
    httpOnly: true,
    secure: app.deps.config.secureCookies,
    maxAge: 365 * 24 * 3600,
  });

  const settingsPage =
    (req: FastifyRequest): RenderForm =>
    (form) => ({ title: req.t('ui.lowVision.title'), body: <SettingsView {...form} /> });

  app.get('/accessibility', async (req, reply) => {
    if ((req.query as Record<string, unknown>).saved === '1')
      req.flash = { kind: 'success', text: req.t('ui.lowVision.saved') };
    return showForm(req, reply, settingsPage(req), valuesOf(parseLowVision(req.cookies[lowVisionCookie])));
  });

  app.post('/accessibility', async (req, reply) => {
    const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
    const back = safeLocalPath(body.return, app.deps.config.publicUrl, '/accessibility?saved=1');
    if (body.set === 'off') {
      reply.clearCookie(lowVisionCookie, { path: '/' });
      return reply.redirect(back, 303);
    }
    if (typeof body.set === 'string') {
      const next = applyChange(parseLowVision(req.cookies[lowVisionCookie]), body.set);
      if (!next) return reply.redirect('/accessibility', 303);
      reply.setCookie(lowVisionCookie, serializeLowVision(next), cookieOpts());
      return reply.redirect(back, 303);
    }
    return handleForm(req, reply, {
      schema: settingsSchema,
      render: settingsPage(req),
      run: async (data) => {
        const lv = { ...data, images: data.images === '1', spacing: data.spacing === '1' };
        reply.setCookie(lowVisionCookie, serializeLowVision(lv), cookieOpts());
        return '/accessibility?saved=1';
      },
    });
  });
}
