// Aura with an indigo primary and stronger contrast where Aura's defaults fall short of WCAG 2.2 AA:
// white text on the primary colour (≥ 4.5:1), form-field borders and icons (≥ 3:1), a 2px focus ring,
// danger buttons' text (≥ 4.5:1).
import { definePreset } from '@primeuix/themes';
import Aura from '@primeuix/themes/aura';

const indigo = Object.fromEntries(
  ['50', '100', '200', '300', '400', '500', '600', '700', '800', '900', '950'].map((shade) => [shade, `{indigo.${shade}}`]),
);

export const AppPreset = definePreset(Aura, {
  semantic: {
    primary: indigo,
    focusRing: { width: '2px', style: 'solid', color: '{primary.color}', offset: '2px', shadow: 'none' },
    // Aura only recolours a focused field's border; add a ring so focus is plain to see.
    formField: {
      focusRing: { width: '2px', style: 'solid', color: '{primary.color}', offset: '1px', shadow: 'none' },
    },
    colorScheme: {
      light: {
        primary: {
          color: '{primary.600}',
          contrastColor: '#ffffff',
          hoverColor: '{primary.700}',
          activeColor: '{primary.800}',
        },
        highlight: {
          background: '{primary.50}',
          focusBackground: '{primary.100}',
          color: '{primary.800}',
          focusColor: '{primary.900}',
        },
        formField: {
          borderColor: '{surface.500}',
          hoverBorderColor: '{surface.600}',
          iconColor: '{surface.600}',
          placeholderColor: '{surface.600}',
          floatLabelColor: '{surface.600}',
          invalidBorderColor: '{red.600}',
        },
      },
    },
  },
  components: {
    // Aura's danger buttons are red.500: 3.76:1 against white. White on red.600 is 4.83:1; red.700
    // text (outlined and text buttons) stays above 4.5:1 on their red.50/red.100 hover backgrounds too.
    button: {
      colorScheme: {
        light: {
          root: {
            danger: {
              background: '{red.600}',
              hoverBackground: '{red.700}',
              activeBackground: '{red.800}',
              borderColor: '{red.600}',
              hoverBorderColor: '{red.700}',
              activeBorderColor: '{red.800}',
              focusRing: { color: '{red.600}', shadow: 'none' },
            },
          },
          outlined: { danger: { color: '{red.700}' } },
          text: { danger: { color: '{red.700}' } },
        },
      },
    },
  },
});

export const primeVueOptions = {
  theme: {
    preset: AppPreset,
    // The admin is light only; '.app-dark' is never set, so the OS dark mode does not half-apply.
    options: { darkModeSelector: '.app-dark' },
  },
};
