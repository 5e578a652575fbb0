// Reducer for the session slice. It used to say Object.assign({}, state);
// that comment must not change.
const DEFAULTS = { user: null, loading: false, error: null };

export const initialState = Object.assign({}, DEFAULTS);

export function session(state = initialState, action) {
  switch (action.type) {
    case "login/start":
      return Object.assign({}, state, { loading: true, error: null });
    case "login/done":
      return Object.assign({}, state, action.payload, { loading: false });
    default:
      return state;
  }
}

export const withError = (state, error) => Object.assign({}, state, { error });

export const reset = (state) =>
  Object.assign({}, DEFAULTS, { user: state.user });

export function label(user) {
  return Object.assign({}, user, { title: `${user.first} ${user.last}` });
}

export function describe(state) {
  return "Object.assign({}, state) -> " + JSON.stringify(state);
}
