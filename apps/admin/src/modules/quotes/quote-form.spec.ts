import { describe, expect, it } from 'vitest';
import { quote } from '../../testing/quotes';
import { blankInputs, emptyForm, emptyLine, formFromQuote, inputElementId, inputLabel, inputPath, mapFieldProblems, stepOfPath, toDetailsRequest, toRoutePreviewRequest } from './quote-form';

describe('the set-up form', () => {
  it('starts a new quote in EUR, valid for 30 days, payable net 30 days, without lines; a new line is billed once', () => {
    const form = emptyForm(new Date('2026-05-01T12:00:00Z'));

    expect(form).toMatchObject({ title: '', currency: 'EUR', expiresOn: '2026-05-31', paymentTermsDays: '30', lineItems: [], quoteDiscount: { type: 'none' } });
    expect(emptyLine().billingPeriod).toBe('one_time');
    expect(toDetailsRequest(form, 'en').paymentTermsDays).toBe(30);
    expect(toDetailsRequest(form, 'nl').language).toBe('en');
  });

  it('keeps a quote’s language through the form, and shows a refused language on Terms at its select', () => {
    expect(toDetailsRequest(formFromQuote(quote({ language: 'nl' })), 'en').language).toBe('nl');
    expect(mapFieldProblems([{ field: 'language', reason: 'language must be one of en, nl' }])).toEqual({
      errors: { language: { messageKey: 'quoteSetup.errors.language', reason: 'language must be one of en, nl' } },
      step: 'terms',
      firstPath: 'language',
    });
    expect([inputElementId('language'), inputLabel('language')]).toEqual(['quote-language', { key: 'quoteSetup.language', line: null }]);
  });

  it('turns a saved quote into the form and back into the same request (line ids kept)', () => {
    const saved = quote();
    const request = toDetailsRequest(formFromQuote(saved), 'en');

    // The quote's own fields go back as they came; the lines keep their ids and lose the computed amounts.
    const { title, dealId, companyId, recipientContactIds, currency, expiresOn, quoteDiscount, commentsForBuyer, purchaseTerms, paymentTermsDays, language } = saved;
    const lineItems = [
      { id: saved.lineItems[0]?.id, productName: 'Design', description: '', quantity: 2, unitPrice: '1500.00', discount: { type: 'percent', value: '10.00' }, billingPeriod: 'one_time' },
      { id: saved.lineItems[1]?.id, productName: 'Hosting', description: 'Managed', quantity: 1, unitPrice: '49.99', discount: null, billingPeriod: 'monthly' },
    ];
    expect(request).toEqual({ title, dealId, companyId, recipientContactIds, currency, expiresOn, quoteDiscount, commentsForBuyer, purchaseTerms, paymentTermsDays, language, lineItems });
    expect(request).toMatchObject({ title: 'Website redesign', currency: 'EUR', expiresOn: '2027-01-31', quoteDiscount: { type: 'amount', value: '100.00' }, purchaseTerms: 'Net 30.', paymentTermsDays: 30 });
  });

  it('keeps a quote’s payment terms and each line’s billing period through the form', () => {
    const saved = quote({ paymentTermsDays: 14 });
    const form = formFromQuote(saved);

    expect([form.paymentTermsDays, form.lineItems.map((line) => line.billingPeriod)]).toEqual(['14', ['one_time', 'monthly']]);
    form.paymentTermsDays = ' 60 ';
    form.lineItems[1]!.billingPeriod = 'yearly';
    const request = toDetailsRequest(form, 'en');
    expect([request.paymentTermsDays, request.lineItems.map((line) => line.billingPeriod)]).toEqual([60, ['one_time', 'yearly']]);
  });

  it('sends payment terms that are no whole number as not-a-number (null in JSON), for the API to name', () => {
    const form = emptyForm();
    for (const typed of ['', '7.5', 'abc']) {
      form.paymentTermsDays = typed;
      expect(Number.isNaN(toDetailsRequest(form, 'en').paymentTermsDays)).toBe(true);
    }
  });

  it('sends Dutch amounts as the API’s decimal strings and no discount as null', () => {
    const form = emptyForm();
    form.title = '  Dakwerk ';
    form.lineItems = [{ ...emptyLine(), productName: 'Pannen', quantity: '3', unitPrice: '1.250,50', discount: { type: 'amount', value: '10,5' } }];

    const request = toDetailsRequest(form, 'nl');

    expect(request.title).toBe('Dakwerk');
    expect(request.quoteDiscount).toBeNull();
    expect(request.lineItems).toEqual([{ productName: 'Pannen', description: '', quantity: 3, unitPrice: '1250.50', discount: { type: 'amount', value: '10.5' }, billingPeriod: 'one_time' }]);
  });

  it('sends a quantity that is no whole number as not-a-number, for the API to name', () => {
    const form = emptyForm();
    form.lineItems = [{ ...emptyLine(), quantity: '1.5' }];

    expect(Number.isNaN(toDetailsRequest(form, 'en').lineItems[0]?.quantity)).toBe(true);
  });
});

describe('the live approval preview’s view of the form', () => {
  it('sends the save’s body, with the quote being edited when there is one', () => {
    const form = formFromQuote(quote());

    expect(toRoutePreviewRequest(form, 'en', 'q-1')).toEqual({ ...toDetailsRequest(form, 'en'), quoteId: 'q-1' });
    expect(toRoutePreviewRequest(form, 'en', null)).toEqual(toDetailsRequest(form, 'en'));
  });

  it('lists the inputs a save needs that are still empty, in the order of the flow', () => {
    expect(blankInputs(formFromQuote(quote()))).toEqual([]);

    const form = emptyForm();
    expect(blankInputs(form)).toEqual(['title', 'lineItems']);
    form.title = 'Roof';
    form.lineItems = [
      { ...emptyLine(), productName: 'Tiles', unitPrice: '10' },
      { ...emptyLine(), quantity: ' ', discount: { type: 'percent', value: '' } },
    ];
    form.quoteDiscount = { type: 'amount', value: '' };
    form.paymentTermsDays = '';
    expect(blankInputs(form)).toEqual(['lineItems.1.productName', 'lineItems.1.quantity', 'lineItems.1.unitPrice', 'lineItems.1.discount', 'quoteDiscount', 'paymentTermsDays']);
  });

  it('names an input by its label, and a line’s by the line too', () => {
    expect(inputLabel('lineItems.1.unitPrice')).toEqual({ key: 'quoteSetup.unitPrice', line: 2 });
    expect(inputLabel('paymentTermsDays')).toEqual({ key: 'quoteSetup.paymentTermsDays', line: null });
    expect(inputLabel('dealId')).toEqual({ key: 'quoteSetup.deal', line: null });
    expect([inputLabel('quoteId'), inputLabel('lineItems.0.constructor'), inputLabel('toString')]).toEqual([null, null, null]);
  });
});

describe('mapping the API’s field problems', () => {
  it('maps line item paths to the input of that line and to the Line items step', () => {
    const mapped = mapFieldProblems([
      { field: 'lineItems.1.unitPrice', reason: 'unitPrice must be a decimal number like 1500.00' },
      { field: 'lineItems.0.discount.value', reason: 'must be a percentage from 0 to 100 with at most two decimals' },
    ]);

    expect(mapped.step).toBe('lineItems');
    expect(mapped.firstPath).toBe('lineItems.1.unitPrice');
    expect(mapped.errors).toEqual({
      'lineItems.1.unitPrice': { messageKey: 'quoteSetup.errors.unitPrice', reason: 'unitPrice must be a decimal number like 1500.00' },
      'lineItems.0.discount': { messageKey: 'quoteSetup.errors.discount', reason: 'must be a percentage from 0 to 100 with at most two decimals' },
    });
    expect(inputElementId('lineItems.1.unitPrice')).toBe('line-1-unitPrice');
    expect(inputElementId('lineItems.0.discount')).toBe('line-0-discount-value');
  });

  it('shows the earliest step in the flow that has a problem', () => {
    const mapped = mapFieldProblems([
      { field: 'quoteDiscount.value', reason: 'value must be a decimal number like 12.5' },
      { field: 'expiresOn', reason: 'expiresOn must be a date like 2027-01-31' },
    ]);

    expect(mapped.step).toBe('details');
    expect(mapped.firstPath).toBe('expiresOn');
    expect(Object.keys(mapped.errors)).toEqual(['quoteDiscount', 'expiresOn']);
    expect(inputElementId('quoteDiscount')).toBe('quote-discount-value');
  });

  it('uses the precise message of a submit refusal', () => {
    expect(mapFieldProblems([{ field: 'dealId', reason: 'is required to submit' }], 'QUOTES.DEAL_REQUIRED').errors['dealId']?.messageKey).toBe('quoteSetup.errors.dealRequired');
    expect(mapFieldProblems([{ field: 'lineItems', reason: 'must not be empty to submit' }], 'QUOTES.NO_LINE_ITEMS')).toMatchObject({
      step: 'lineItems',
      errors: { lineItems: { messageKey: 'quoteSetup.errors.noLineItems' } },
    });
    expect(mapFieldProblems([{ field: 'expiresOn', reason: 'must be in the future' }], 'QUOTES.EXPIRY_IN_PAST').errors['expiresOn']?.messageKey).toBe(
      'quoteSetup.errors.expiryInPast',
    );
  });

  it('shows a payment terms problem and a billing period problem at their inputs', () => {
    const mapped = mapFieldProblems([
      { field: 'paymentTermsDays', reason: 'paymentTermsDays must be a whole number of days from 0 to 365' },
      { field: 'lineItems.1.billingPeriod', reason: 'billingPeriod must be one of one_time, monthly, quarterly, yearly' },
    ]);

    expect(mapped).toMatchObject({
      step: 'lineItems',
      firstPath: 'lineItems.1.billingPeriod',
      errors: {
        paymentTermsDays: { messageKey: 'quoteSetup.errors.paymentTermsDays' },
        'lineItems.1.billingPeriod': { messageKey: 'quoteSetup.errors.billingPeriod' },
      },
    });
    expect([stepOfPath('paymentTermsDays'), inputElementId('paymentTermsDays'), inputElementId('lineItems.1.billingPeriod')]).toEqual(['terms', 'quote-payment-terms', 'line-1-billingPeriod']);
  });

  it('keeps the API’s reason for a field it does not know and shows it on Details', () => {
    const mapped = mapFieldProblems([{ field: 'colour', reason: 'colour is not an allowed field' }]);

    expect(mapped.errors['colour']).toEqual({ messageKey: null, reason: 'colour is not an allowed field' });
    expect(stepOfPath('colour')).toBe('details');
  });

  it('knows which step shows each input', () => {
    expect(['title', 'dealId', 'recipientContactIds', 'currency', 'expiresOn'].map(stepOfPath)).toEqual(['details', 'details', 'details', 'details', 'details']);
    expect(['lineItems', 'lineItems.3.quantity'].map(stepOfPath)).toEqual(['lineItems', 'lineItems']);
    expect(['quoteDiscount', 'commentsForBuyer', 'purchaseTerms'].map(stepOfPath)).toEqual(['terms', 'terms', 'terms']);
    expect(inputPath('recipientContactIds.2')).toBe('recipientContactIds');
  });
});
