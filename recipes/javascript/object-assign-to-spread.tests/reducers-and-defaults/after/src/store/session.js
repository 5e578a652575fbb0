// Reducer for the session slice. It used to say Object.assign({}, state);
// that comment must not change.
const DEFAULTS = { user: null, loading: false, error: null };

export const initialState = { ...DEFAULTS };

export function session(state = initialState, action) {
  switch (action.type) {
    case "login/start":
      return { ...state, loading: true, error: null };
    case "login/done":
      return { ...state, ...action.payload, loading: false };
    default:
      return state;
  }
}

export const withError = (state, error) => ({ ...state, error });

export const reset = (state) =>
  ({ ...DEFAULTS, user: state.user });

export function label(user) {
  return { ...user, title: `${user.first} ${user.last}` };
}

export function describe(state) {
  return "Object.assign({}, state) -> " + JSON.stringify(state);
}
