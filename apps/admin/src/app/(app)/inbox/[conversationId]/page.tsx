/** `/inbox/<id>`: the layout's inbox opens this conversation (it reads the id from the address). */
export default function Page() {
  return null;
}
