/** Every partner-program use case (applications, review, team, invitations), for the adapters and the tests. */
export { acceptInvitation } from './accept-invitation';
export { applyForPartnership } from './apply-for-partnership';
export { approveApplication } from './approve-application';
export { getApplication } from './get-application';
export { inviteTeammate } from './invite-teammate';
export { listApplications } from './list-applications';
export { listTeam } from './list-team';
export { rejectApplication } from './reject-application';
