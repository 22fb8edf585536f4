'use strict';
// Drives CyberSource's official Node SDK (npm cybersource-rest-client, the version package.json
// pins), unchanged, against the simulator: customers, shipping addresses, instrument identifiers
// and payment instruments, through the SDK's own API classes. It exits non-zero on any mismatch.
//
// Environment:
//   SIMULATOR_URL        the simulator's base URL, https://127.0.0.1:PORT (the SDK speaks HTTPS only)
//   NODE_EXTRA_CA_CERTS  the simulator's certificate (its -cert-out file), so that Node trusts it
//   SDKCHECK_AUTH        http_signature (default) or jwt
//   SDKCHECK_P12_DIR     for jwt: the directory jwt-credentials.js wrote
// make sdk-check (run.sh) sets all of them.

const cybersource = require('cybersource-rest-client');
const { sdkConfiguration } = require('./settings');

const auth = process.env.SDKCHECK_AUTH || 'http_signature';
const config = sdkConfiguration(process.env.SIMULATOR_URL || '', auth, process.env.SDKCHECK_P12_DIR);

let failures = 0;

// expect records one check; a failed one fails the run but lets the rest show what else is wrong.
function expect(ok, what, detail) {
  if (ok) {
    console.log(`  ok    ${what}`);
  } else {
    failures++;
    console.log(`  FAIL  ${what}${detail === undefined ? '' : ': ' + JSON.stringify(detail)}`);
  }
}

// call runs one SDK operation and resolves to its status, data and headers, errors included.
function call(api, method, ...args) {
  return new Promise((resolve) => {
    api[method](...args, (error, data, response) => {
      const answer = error ? error.response || {} : response || {};
      resolve({ status: error ? error.status : answer.status, data, header: answer.header || {}, error });
    });
  });
}

// succeeds runs an operation that must answer want, and returns its answer.
async function succeeds(want, what, api, method, ...args) {
  const answer = await call(api, method, ...args);
  expect(answer.status === want, `${what}: ${want}`, answer.status === undefined ? String(answer.error) : answer.status);
  return answer;
}

// refused runs an operation that must fail with status and errors[0].type.
async function refused(status, type, what, api, method, ...args) {
  const answer = await call(api, method, ...args);
  let body = {};
  try {
    body = JSON.parse((answer.error && answer.error.response && answer.error.response.text) || '{}');
  } catch {
    // not JSON: the status check below reports it
  }
  const got = body.errors && body.errors[0] ? body.errors[0].type : undefined;
  expect(answer.status === status && got === type, `${what}: ${status} ${type}`, [answer.status, got]);
}

const ids = (list, member) => ((list.data && list.data._embedded && list.data._embedded[member]) || []).map((x) => x.id);

async function main() {
  console.log(`Node SDK ${require('cybersource-rest-client/package.json').version}, ${auth}, ${config.runEnvironment}`);
  const client = new cybersource.ApiClient();
  const customers = new cybersource.CustomerApi(config, client);
  const addresses = new cybersource.CustomerShippingAddressApi(config, client);
  const instruments = new cybersource.CustomerPaymentInstrumentApi(config, client);
  const identifiers = new cybersource.InstrumentIdentifierApi(config, client);

  console.log('Customer');
  const created = await succeeds(201, 'postCustomer', customers, 'postCustomer',
    { buyerInformation: { merchantCustomerID: 'sdk-check', email: 'sdk-check@example.com' } }, {});
  const cid = created.data.id;
  expect(created.header.etag && created.header.location === `/tms/v2/customers/${cid}`, 'ETag and Location', created.header);
  await succeeds(200, 'getCustomer', customers, 'getCustomer', cid, {});

  console.log('Shipping addresses');
  const shipTo = (firstName) => ({ shipTo: { firstName, lastName: 'Doe', address1: '1 Market St', locality: 'San Francisco', country: 'US' } });
  const first = await succeeds(201, 'postCustomerShippingAddress (first)', addresses, 'postCustomerShippingAddress', cid, shipTo('Jane'), {});
  expect(first.data.default === true, 'the first address is the default', first.data.default);
  const second = await succeeds(201, 'postCustomerShippingAddress (second)', addresses, 'postCustomerShippingAddress', cid, shipTo('June'), {});
  expect(second.data.default === false, 'the second is not', second.data.default);
  // The samples set _default on the model, which the SDK then sends as "_default"
  // (tms-subresources.md §10.1): ignored.
  const sample = new cybersource.PostCustomerShippingAddressRequest();
  sample._default = true;
  sample.shipTo = shipTo('Joan').shipTo;
  const third = await succeeds(201, 'postCustomerShippingAddress (a model with _default)', addresses, 'postCustomerShippingAddress', cid, sample, {});
  expect(third.data.default === false, 'the stray _default is ignored', third.data.default);
  let list = await succeeds(200, 'getCustomerShippingAddressesList', addresses, 'getCustomerShippingAddressesList', cid, { offset: 0, limit: 2 });
  expect(list.data.total === 3 && list.data.count === 2 && list.header['x-total-count'] === '3', 'total, count, X-Total-Count', [list.data.total, list.data.count]);
  expect(ids(list, 'shippingAddresses')[0] === first.data.id, 'the default comes first', ids(list, 'shippingAddresses'));
  const switched = await succeeds(200, 'patchCustomersShippingAddress default:true with if-match', addresses, 'patchCustomersShippingAddress',
    cid, second.data.id, { default: true }, { ifMatch: second.header.etag });
  expect(switched.data.default === true && switched.header.etag !== second.header.etag, 'the second is now the default, with a new ETag');
  const old = await succeeds(200, 'getCustomerShippingAddress (old default)', addresses, 'getCustomerShippingAddress', cid, first.data.id, {});
  expect(old.data.default === false && old.header.etag !== first.header.etag, 'the old default flipped, with a new ETag', old.data.default);
  await refused(412, 'conflict', 'patchCustomersShippingAddress with a stale if-match', addresses, 'patchCustomersShippingAddress',
    cid, first.data.id, { shipTo: { firstName: 'Stale' } }, { ifMatch: first.header.etag });
  list = await succeeds(200, 'getCustomerShippingAddressesList (default first)', addresses, 'getCustomerShippingAddressesList', cid, {});
  expect(JSON.stringify(ids(list, 'shippingAddresses')) === JSON.stringify([second.data.id, first.data.id, third.data.id]),
    'the new default first, then creation order', ids(list, 'shippingAddresses'));
  let customer = await succeeds(200, 'getCustomer', customers, 'getCustomer', cid, {});
  expect(customer.data.defaultShippingAddress.id === second.data.id &&
    customer.data._embedded.defaultShippingAddress.shipTo.firstName === 'June', "the customer's default and _embedded follow");
  await refused(409, 'conflict', 'deleteCustomerShippingAddress of the default of several', addresses, 'deleteCustomerShippingAddress', cid, second.data.id, {});
  await succeeds(204, 'deleteCustomerShippingAddress', addresses, 'deleteCustomerShippingAddress', cid, third.data.id, {});
  await refused(410, 'notAvailable', 'getCustomerShippingAddress after delete', addresses, 'getCustomerShippingAddress', cid, third.data.id, {});

  console.log('Instrument identifier');
  const card = { card: { number: '4111111111111111', expirationMonth: '12', expirationYear: '2031' } };
  const ii = await succeeds(201, 'postInstrumentIdentifier (new card)', identifiers, 'postInstrumentIdentifier', card, {});
  const iid = ii.data.id;
  expect(/^70[0-9]{17}$/.test(iid) && ii.data.card.number === '411111XXXXXX1111', 'a 70… id and a masked number', ii.data);
  expect(ii.data.card.expirationMonth === undefined, 'the expiration is not stored');
  const again = await succeeds(200, 'postInstrumentIdentifier (same card)', identifiers, 'postInstrumentIdentifier', card, {});
  expect(again.data.id === iid, 'the same identifier', again.data.id);
  const got = await succeeds(200, 'getInstrumentIdentifier', identifiers, 'getInstrumentIdentifier', iid, {});
  await succeeds(200, 'patchInstrumentIdentifier (MIT values) with if-match', identifiers, 'patchInstrumentIdentifier', iid,
    { processingInformation: { authorizationOptions: { initiator: { merchantInitiatedTransaction: { previousTransactionId: '123456789619999' } } } } },
    { ifMatch: got.header.etag });

  console.log('Payment instrument');
  const pi = await succeeds(201, 'postCustomerPaymentInstrument', instruments, 'postCustomerPaymentInstrument', cid,
    { card: { expirationMonth: '12', expirationYear: '2031', type: '001' }, instrumentIdentifier: { id: iid } }, {});
  const pid = pi.data.id;
  expect(pi.data.default === true && pi.data.state === 'ACTIVE', 'the first instrument is the ACTIVE default', pi.data);
  expect(pi.data._embedded.instrumentIdentifier.card.number === '411111XXXXXX1111', 'the embedded identifier is masked');
  await refused(400, 'invalidFields', 'postCustomerPaymentInstrument with an unknown identifier', instruments, 'postCustomerPaymentInstrument', cid,
    { instrumentIdentifier: { id: '7000000000000000000' } }, {});
  await succeeds(200, 'patchCustomersPaymentInstrument', instruments, 'patchCustomersPaymentInstrument', cid, pid,
    { card: { expirationYear: '2032' } }, { ifMatch: pi.header.etag });
  const piList = await succeeds(200, 'getCustomerPaymentInstrumentsList', instruments, 'getCustomerPaymentInstrumentsList', cid, {});
  expect(piList.data.total === 1 && ids(piList, 'paymentInstruments')[0] === pid, 'lists the instrument', piList.data);
  const iiList = await succeeds(200, 'getInstrumentIdentifierPaymentInstrumentsList', identifiers, 'getInstrumentIdentifierPaymentInstrumentsList', iid, {});
  expect(iiList.data.total === 1 && ids(iiList, 'paymentInstruments')[0] === pid, "lists the identifier's instrument", iiList.data);
  customer = await succeeds(200, 'getCustomer', customers, 'getCustomer', cid, {});
  expect(customer.data._embedded.defaultPaymentInstrument.id === pid, "the customer's _embedded.defaultPaymentInstrument");
  await refused(409, 'instrumentIdentifierDeletionError', 'deleteInstrumentIdentifier while in use', identifiers, 'deleteInstrumentIdentifier', iid, {});
  await succeeds(200, 'getCustomerPaymentInstrument', instruments, 'getCustomerPaymentInstrument', cid, pid, {});
  await succeeds(204, 'deleteCustomerPaymentInstrument', instruments, 'deleteCustomerPaymentInstrument', cid, pid, {});
  await refused(410, 'notAvailable', 'getInstrumentIdentifier after its last instrument went', identifiers, 'getInstrumentIdentifier', iid, {});

  console.log('A GET with the cache-buster query the SDK adds when caching is off');
  const noCache = new cybersource.ApiClient();
  noCache.cache = false;
  await succeeds(200, 'getCustomerShippingAddressesList ?_=<ms>', new cybersource.CustomerShippingAddressApi(config, noCache),
    'getCustomerShippingAddressesList', cid, { limit: 10 });

  console.log('Customer again');
  // Deleting the default instrument changed the customer: the ETag read before it is stale now.
  await refused(412, 'conflict', 'patchCustomer with the ETag from before', customers, 'patchCustomer', cid,
    { objectInformation: { title: 'Stale' } }, { ifMatch: customer.header.etag });
  customer = await succeeds(200, 'getCustomer', customers, 'getCustomer', cid, {});
  await succeeds(200, 'patchCustomer with if-match', customers, 'patchCustomer', cid, { objectInformation: { title: 'Checked' } },
    { ifMatch: customer.header.etag });
  await succeeds(204, 'deleteCustomer', customers, 'deleteCustomer', cid, {});
  await refused(410, 'notAvailable', 'getCustomer after delete', customers, 'getCustomer', cid, {});
  await refused(410, 'notAvailable', 'getCustomerShippingAddress of a deleted customer', addresses, 'getCustomerShippingAddress', cid, first.data.id, {});
  await succeeds(204, 'deleteInstrumentIdentifier of another card', identifiers, 'deleteInstrumentIdentifier',
    (await call(identifiers, 'postInstrumentIdentifier', { card: { number: '5555555555554444' } }, {})).data.id, {});
}

main().then(
  () => {
    console.log(failures === 0 ? 'SDK check passed' : `SDK check FAILED: ${failures} mismatches`);
    process.exit(failures === 0 ? 0 : 1);
  },
  (err) => {
    console.error('SDK check FAILED:', err);
    process.exit(1);
  },
);
