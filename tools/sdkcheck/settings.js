'use strict';
// The simulator's fake demo credentials (internal/simulator/demo.go) and the SDK configuration for
// one authentication mode. Nothing here is a real credential.

const demo = {
  merchantID: 'tfdemo_merchant',
  keyID: '278c728c-9a17-4d22-b0d8-8a070f07af52',
  sharedSecret: 'dGZkZW1vLXNpbXVsYXRvci1zaGFyZWQtc2VjcmV0ISE=',
  // Made up for the throwaway P12 file that jwt-credentials.js writes.
  jwtKid: '7000000000000000000099',
  p12Password: 'sdkcheck',
};

// sdkConfiguration is the SDK's configuration object for the simulator at url (https://host:port):
// the SDK takes a bare host as its run environment and always speaks HTTPS to it.
function sdkConfiguration(url, auth, p12Dir) {
  const host = new URL(url).host;
  const config = {
    authenticationType: auth,
    runEnvironment: host,
    merchantID: demo.merchantID,
    logConfiguration: { enableLog: false },
  };
  if (auth === 'http_signature') {
    config.merchantKeyId = demo.keyID;
    config.merchantsecretKey = demo.sharedSecret;
  } else if (auth === 'jwt') {
    config.keysDirectory = p12Dir;
    config.keyFileName = demo.merchantID;
    config.keyAlias = demo.merchantID;
    config.keyPass = demo.p12Password;
  } else {
    throw new Error('unknown authentication type ' + auth);
  }
  return config;
}

module.exports = { demo, sdkConfiguration };
