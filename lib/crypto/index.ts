export * from './aead';
export * from './base64';
export * from './lock-timer';
