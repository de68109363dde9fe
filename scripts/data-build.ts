// Replaced by the dataset compiler (issue 4); kept as a no-op so `npm run build` works meanwhile.
console.log('data:build: nothing to compile yet');
