// The few mocha globals the widget tests use (web-test-runner runs mocha; @types/mocha is not installed).
type MochaDone = () => Promise<unknown> | void;
declare function describe(title: string, fn: () => void): void;
declare function it(title: string, fn: MochaDone): void;
declare function before(fn: MochaDone): void;
declare function after(fn: MochaDone): void;
declare function beforeEach(fn: MochaDone): void;
declare function afterEach(fn: MochaDone): void;
declare namespace it {
  function skip(title: string, fn: MochaDone): void;
  function only(title: string, fn: MochaDone): void;
}
