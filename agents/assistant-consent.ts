// The user's own yes to a proposed write. Read by the agent from the user's message (never from the
// model), and by the embedded planner to repeat the proposed call.
export const AFFIRMATIVE = /^(是|是的|对|对的|好|好的|确认|确定|可以|行|嗯|记吧|记上|yes|y|yeah|yep|ok|okay|sure|confirm|do it|go ahead)[!！。.\s]*$/i;
