/** OpenCC's character dictionaries in opencc-js: "trad simp|trad simp|…". */
declare module 'opencc-js/dict/TSCharacters' {
  const dictionary: string;
  export default dictionary;
}
