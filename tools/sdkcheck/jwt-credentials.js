'use strict';
// Writes throwaway JWT credentials for the SDK check into a directory (tms-api.md §5b):
//   <merchant>.p12   a P12 file the SDK reads: the private key, and the certificate under the
//                    friendly name CN=<merchant>, which is how the SDK finds it (the key alias)
//   jwt-cert.pem     the same certificate, for the simulator
//   simulator.json   a -config file: the demo merchants and meta key, plus that certificate
// The certificate's subject serialNumber is the JWT's kid. Nothing here is a real credential.
//
// Usage: node jwt-credentials.js <directory>

const fs = require('fs');
const path = require('path');
const forge = require('node-forge');
const { demo } = require('./settings');

function main() {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node jwt-credentials.js <directory>');
    process.exit(2);
  }
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(Date.now() + 24 * 60 * 60 * 1000);
  const subject = [
    // UTF8String: a PrintableString may not hold the merchant id's underscore.
    { name: 'commonName', value: demo.merchantID, valueTagClass: forge.asn1.Type.UTF8 },
    { name: 'serialNumber', value: demo.jwtKid },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.sign(keys.privateKey, forge.md.sha256.create());

  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], demo.p12Password, {
    friendlyName: 'CN=' + demo.merchantID,
    algorithm: '3des',
  });
  fs.writeFileSync(path.join(dir, demo.merchantID + '.p12'), Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
  fs.writeFileSync(path.join(dir, 'jwt-cert.pem'), forge.pki.certificateToPem(cert));
  // Merchants and meta keys are omitted, so the simulator keeps its demo ones.
  const config = { jwtCertificates: [{ merchantId: demo.merchantID, certificateFile: 'jwt-cert.pem' }] };
  fs.writeFileSync(path.join(dir, 'simulator.json'), JSON.stringify(config, null, 2) + '\n');
}

main();
