export const commands = {
  'health check': {
    usage: 'health check',
    help: 'Checks that the Peil API answers.',
    run: (_args, api) => api.request('GET', '/v1/health'),
  },
};
